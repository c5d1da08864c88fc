using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>An episode in a list: enough for a card and a link.</summary>
public sealed record EpisodeCard(int Id, string Slug, DateOnly AiredOn, string Topic, IReadOnlyList<string> Participants)
{
    public string Path => PublicPaths.Episode(Id, Slug);
}

/// <summary>A published Q&amp;A answered on air, as the public sees it: no name, phone, e-mail or address.</summary>
public sealed record EpisodeAnswer(string Code, string Title, string AgencyName, DateTime AnsweredAt);

public sealed record PublicEpisode(EpisodeCard Card, string SummaryHtml, string VideoUrl, string MediaUrl, DateTime UpdatedAt, IReadOnlyList<EpisodeAnswer> Answers);

/// <summary>A case linked to an episode, for the manager (private cases included, marked so).</summary>
public sealed record LinkedCase(int Id, string Code, string Title, CaseStatus Status, bool IsPublic);

public sealed record EpisodeRow(ProgrammeEpisode Episode, int LinkedCases, int PublicAnswers);

/// <summary>Reads episodes for the public pages (published only) and the manager.</summary>
public sealed class ProgrammeEpisodeQueries(PortalDbContext db)
{
    public static string SlugOf(string topic) => SlugGenerator.Slugify(topic) is { Length: > 0 } s ? s : "chuong-trinh";
    public static string DateText(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<PagedResult<EpisodeCard>> PublishedAsync(int page, int pageSize = 10, CancellationToken ct = default)
    {
        var q = db.ProgrammeEpisodes.AsNoTracking().Where(e => e.IsPublished);
        var total = await q.CountAsync(ct);
        page = Math.Max(1, page);
        var rows = await q.OrderByDescending(e => e.AiredOn).ThenByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<EpisodeCard>(rows.Select(Card).ToList(), page, pageSize, total);
    }

    public async Task<PublicEpisode?> PublishedByIdAsync(int id, CancellationToken ct = default)
    {
        var e = await db.ProgrammeEpisodes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.IsPublished, ct);
        if (e is null) return null;
        // Only public fields are read: the submitter's data never leaves the database here.
        var answers = await (from c in PublicCases().Where(c => c.EpisodeId == id)
                             join a in db.Agencies on c.AgencyId equals a.Id into ag
                             from a in ag.DefaultIfEmpty()
                             orderby c.AnsweredAt
                             select new EpisodeAnswer(c.Code, c.Title, a == null ? "" : a.Name, c.AnsweredAt!.Value)).ToListAsync(ct);
        return new PublicEpisode(Card(e), e.SummaryHtml, e.VideoUrl, e.MediaUrl, e.UpdatedAt, answers);
    }

    /// <summary>The published episode a published answer was given in, if any.</summary>
    public async Task<EpisodeCard?> ForPublishedAnswerAsync(string code, CancellationToken ct = default)
    {
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        var e = await (from c in PublicCases().Where(c => c.Code == normalized)
                       join ep in db.ProgrammeEpisodes on c.EpisodeId equals ep.Id
                       where ep.IsPublished
                       select ep).AsNoTracking().FirstOrDefaultAsync(ct);
        return e is null ? null : Card(e);
    }

    public async Task<IReadOnlyList<(string Path, DateTime Updated)>> SitemapEntriesAsync(CancellationToken ct = default) =>
        (await db.ProgrammeEpisodes.AsNoTracking().Where(e => e.IsPublished).OrderByDescending(e => e.AiredOn)
            .Select(e => new { e.Id, e.Topic, e.UpdatedAt }).ToListAsync(ct))
        .Select(e => (PublicPaths.Episode(e.Id, SlugOf(e.Topic)), e.UpdatedAt)).ToList();

    public async Task<IReadOnlyList<EpisodeRow>> AllAsync(CancellationToken ct = default)
    {
        var episodes = await db.ProgrammeEpisodes.AsNoTracking().OrderByDescending(e => e.AiredOn).ThenByDescending(e => e.Id).ToListAsync(ct);
        var counts = await db.QuestionCases.AsNoTracking().Where(c => c.EpisodeId != null)
            .GroupBy(c => c.EpisodeId!.Value)
            .Select(g => new { Id = g.Key, Linked = g.Count(), Public = g.Count(c => c.Status == CaseStatus.Answered && c.IsPublished) })
            .ToDictionaryAsync(x => x.Id, ct);
        return episodes.Select(e => counts.TryGetValue(e.Id, out var n) ? new EpisodeRow(e, n.Linked, n.Public) : new EpisodeRow(e, 0, 0)).ToList();
    }

    public Task<ProgrammeEpisode?> GetAsync(int id, CancellationToken ct = default) =>
        db.ProgrammeEpisodes.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);

    public async Task<IReadOnlyList<LinkedCase>> LinkedCasesAsync(int id, CancellationToken ct = default) =>
        await db.QuestionCases.AsNoTracking().Where(c => c.EpisodeId == id).OrderBy(c => c.Code)
            .Select(c => new LinkedCase(c.Id, c.Code, c.Title, c.Status, c.Status == CaseStatus.Answered && c.IsPublished)).ToListAsync(ct);

    /// <summary>Episodes staff can attach a case to when entering it (newest first).</summary>
    public async Task<IReadOnlyList<(int Id, string Label)>> ChoicesAsync(int take = 50, CancellationToken ct = default) =>
        (await db.ProgrammeEpisodes.AsNoTracking().OrderByDescending(e => e.AiredOn).ThenByDescending(e => e.Id).Take(take)
            .Select(e => new { e.Id, e.AiredOn, e.Topic }).ToListAsync(ct))
        .Select(e => (e.Id, $"{DateText(e.AiredOn)} – {e.Topic}")).ToList();

    private IQueryable<QuestionCase> PublicCases() =>
        db.QuestionCases.AsNoTracking().Where(c => c.Status == CaseStatus.Answered && c.IsPublished && c.AnsweredAt != null);

    private static EpisodeCard Card(ProgrammeEpisode e) =>
        new(e.Id, SlugOf(e.Topic), e.AiredOn, e.Topic, e.Participants.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
