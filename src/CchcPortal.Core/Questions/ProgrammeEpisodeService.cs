using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>
/// Episodes of the programme "Dân hỏi – Thủ trưởng cơ quan hành chính trả lời": save, publish, delete, and link
/// the cases answered on air. Every change writes the change feed and evicts the public Q&amp;A pages.
/// A linked case shows publicly only once its answer is published (see <see cref="ProgrammeEpisodeQueries"/>).
/// </summary>
public sealed class ProgrammeEpisodeService(PortalDbContext db, RichTextSanitizer sanitizer, TimeProvider time, ChangeFeed feed)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(VnFormat.ToLocal(Now));

    public async Task<OperationResult<ProgrammeEpisode>> SaveAsync(int? id, ProgrammeEpisodeInput input, CancellationToken ct = default)
    {
        var errors = input.Validate(Today);
        if (errors.Any) return OperationResult<ProgrammeEpisode>.Invalid(errors);

        ProgrammeEpisode episode;
        if (id is { } existing)
        {
            if (await db.ProgrammeEpisodes.FirstOrDefaultAsync(e => e.Id == existing, ct) is not { } found) return OperationResult<ProgrammeEpisode>.Missing();
            episode = found;
        }
        else
        {
            episode = new ProgrammeEpisode();
            db.ProgrammeEpisodes.Add(episode);
        }
        episode.AiredOn = input.AiredOn!.Value;
        episode.Topic = VietnameseText.Normalize(input.Topic);
        episode.Participants = string.Join("\n", ProgrammeEpisodeInput.ParticipantLines(input.Participants));
        episode.SummaryHtml = sanitizer.Sanitize(input.SummaryHtml);
        episode.VideoUrl = (input.VideoUrl ?? "").Trim();
        episode.UpdatedAt = Now;
        // A new episode's row takes its id at the insert.
        feed.Record(ContentKinds.Episode, episode, ChangeOperation.Upsert, id is null ? "create" : "update");
        await db.SaveChangesAsync(ct);
        return OperationResult<ProgrammeEpisode>.Ok(episode);
    }

    public async Task<OperationResult<ProgrammeEpisode>> SetPublishedAsync(int id, bool publish, CancellationToken ct = default)
    {
        if (await db.ProgrammeEpisodes.FirstOrDefaultAsync(e => e.Id == id, ct) is not { } episode) return OperationResult<ProgrammeEpisode>.Missing();
        episode.IsPublished = publish;
        episode.UpdatedAt = Now;
        // Answer pages say "answered in the programme ..." only while the episode is public: they change too.
        var cases = await db.QuestionCases.Where(c => c.EpisodeId == id).Select(c => c.Id).ToListAsync(ct);
        await RecordAsync(id, ChangeOperation.Upsert, publish ? "publish" : "unpublish", cases, ct);
        return OperationResult<ProgrammeEpisode>.Ok(episode);
    }

    /// <summary>Deletes the episode; its cases stay, no longer linked to any episode.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        if (await db.ProgrammeEpisodes.FirstOrDefaultAsync(e => e.Id == id, ct) is not { } episode) return false;
        await using var tx = await feed.BeginTransactionAsync(ct);
        var cases = await db.QuestionCases.Where(c => c.EpisodeId == id).Select(c => c.Id).ToListAsync(ct);
        await db.QuestionCases.Where(c => c.EpisodeId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.EpisodeId, (int?)null), ct);
        db.ProgrammeEpisodes.Remove(episode);
        await RecordAsync(id, ChangeOperation.Delete, "delete", cases, ct, tx);
        return true;
    }

    /// <summary>
    /// Links a case, by its tracking code, as answered in this episode. Any case may be linked (a private one
    /// too: it is simply never shown publicly); a case already linked to another episode must be unlinked there first.
    /// </summary>
    public async Task<OperationResult<string>> LinkCaseAsync(int id, string? code, CancellationToken ct = default)
    {
        if (!await db.ProgrammeEpisodes.AnyAsync(e => e.Id == id, ct)) return OperationResult<string>.Missing();
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        if (normalized.Length == 0) return OperationResult<string>.Fail("Code", "Vui lòng nhập mã hồ sơ (ví dụ: HD-2026-000123).");
        var found = await db.QuestionCases.FirstOrDefaultAsync(c => c.Code == normalized, ct);
        if (found is null) return OperationResult<string>.Fail("Code", $"Không có hồ sơ mã {normalized}.");
        if (found.EpisodeId == id) return OperationResult<string>.Fail("Code", $"Hồ sơ {normalized} đã gắn với chương trình này.");
        if (found.EpisodeId is { } other)
        {
            var aired = await db.ProgrammeEpisodes.Where(e => e.Id == other).Select(e => e.AiredOn).FirstAsync(ct);
            return OperationResult<string>.Fail("Code", $"Hồ sơ {normalized} đã gắn với chương trình ngày {ProgrammeEpisodeQueries.DateText(aired)}; hãy gỡ ở đó trước.");
        }
        found.EpisodeId = id;
        await RecordAsync(id, ChangeOperation.Upsert, "link", [found.Id], ct);
        return OperationResult<string>.Ok(normalized);
    }

    public async Task<bool> UnlinkCaseAsync(int id, int caseId, CancellationToken ct = default)
    {
        var found = await db.QuestionCases.FirstOrDefaultAsync(c => c.Id == caseId && c.EpisodeId == id, ct);
        if (found is null) return false;
        found.EpisodeId = null;
        await RecordAsync(id, ChangeOperation.Upsert, "unlink", [found.Id], ct);
        return true;
    }

    /// <summary>Change-feed rows for the episode and the cases whose public page changes, saved with the change itself.</summary>
    private async Task RecordAsync(int episodeId, ChangeOperation operation, string what, IReadOnlyList<int> caseIds, CancellationToken ct,
        ChangeFeedTransaction? tx = null)
    {
        feed.Record(ContentKinds.Episode, episodeId, operation, what);
        foreach (var caseId in caseIds) feed.RecordRow(ContentKinds.Question, caseId, ChangeOperation.Upsert);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }
}
