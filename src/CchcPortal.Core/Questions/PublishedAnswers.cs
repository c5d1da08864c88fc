using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>A published Q&A as the public sees it: no name, phone, e-mail or street address, ever.</summary>
public sealed record PublicAnswer(string Code, CaseKind Kind, string Title, string Question, string Area, string AnswerHtml, string SignedBy,
    string AgencyName, string Field, DateTime SubmittedAt, DateTime AnsweredAt, int DaysTaken);

/// <summary>The public text of a published Q&amp;A (no personal data), as compared for suggestions.</summary>
public sealed record PublishedText(string Code, string Title, string Question, string AgencyName, DateTime AnsweredAt);

public sealed class PublishedAnswers(PortalDbContext db)
{
    public async Task<PagedResult<PublicAnswer>> ListAsync(int? agencyId, int page, int pageSize = 20, CancellationToken ct = default,
        string? field = null, CaseKind? kind = null, int? year = null)
    {
        var q = Query();
        if (agencyId is { } a) q = q.Where(c => c.AgencyId == a);
        if (!string.IsNullOrWhiteSpace(field)) q = q.Where(c => c.Field == field);
        if (kind is { } k) q = q.Where(c => c.Kind == k);
        if (year is { } y)
        {
            var (from, to) = VnFormat.YearInUtc(y);
            q = q.Where(c => c.AnsweredAt >= from && c.AnsweredAt < to);
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.AnsweredAt).Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<PublicAnswer>(await MapAsync(rows, ct), Math.Max(1, page), pageSize, total);
    }

    public async Task<PublicAnswer?> ByCodeAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = await Query().FirstOrDefaultAsync(x => x.Code == code.ToUpperInvariant(), ct);
        return c is null ? null : (await MapAsync([c], ct))[0];
    }

    /// <summary>The values the public filters offer: agencies, fields and years that have published answers.</summary>
    public async Task<(IReadOnlyList<(int Id, string Name)> Agencies, IReadOnlyList<string> Fields, IReadOnlyList<int> Years)> FacetsAsync(CancellationToken ct = default)
    {
        var rows = await Query().Select(c => new { c.AgencyId, c.Field, c.AnsweredAt }).ToListAsync(ct);
        var ids = rows.Where(r => r.AgencyId is not null).Select(r => r.AgencyId!.Value).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        return (agencies.Select(a => (a.Id, a.Name)).ToList(),
            rows.Select(r => r.Field).Where(f => f.Length > 0).Distinct().OrderBy(f => f).ToList(),
            rows.Select(r => VnFormat.ToLocal(r.AnsweredAt!.Value).Year).Distinct().OrderDescending().ToList());
    }

    /// <summary>Every published Q&amp;A as text to compare with (title, published question), for duplicate suggestions.</summary>
    public async Task<IReadOnlyList<PublishedText>> TextsAsync(CancellationToken ct = default)
    {
        var rows = await Query().Select(c => new { c.Code, c.Title, c.PublicContent, c.AgencyId, c.AnsweredAt }).ToListAsync(ct);
        var ids = rows.Where(r => r.AgencyId is not null).Select(r => r.AgencyId!.Value).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return rows.Select(r => new PublishedText(r.Code, r.Title, r.PublicContent,
            r.AgencyId is { } id ? agencies.GetValueOrDefault(id, "") : "", r.AnsweredAt!.Value)).ToList();
    }

    private IQueryable<QuestionCase> Query() => db.QuestionCases.AsNoTracking().Where(c => c.Status == CaseStatus.Answered && c.IsPublished);

    private async Task<List<PublicAnswer>> MapAsync(List<QuestionCase> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return rows.Select(c => ToPublic(c, c.AgencyId is { } id ? agencies.GetValueOrDefault(id, "") : "", c.AnsweredAt!.Value)).ToList();
    }

    /// <summary>What the public sees of a case (also the head's preview before "Phê duyệt", with the draft as the answer).</summary>
    public static PublicAnswer ToPublic(QuestionCase c, string agencyName, DateTime answeredAt) =>
        new(c.Code, c.Kind, c.Title, c.PublicContent, c.SubmitterArea, c.AnswerHtml, c.SignedBy, agencyName, c.Field, c.SubmittedAt, answeredAt,
            AnswerTime.DaysTaken(c.SubmittedAt, answeredAt));
}
