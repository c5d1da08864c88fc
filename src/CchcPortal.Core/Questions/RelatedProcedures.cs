using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>The procedure (TTHC) a question is about, as the form, the staff page and the public answer name it.</summary>
public sealed record RelatedProcedure(string Code, string Name, string Slug);

public sealed class RelatedProcedures(PortalDbContext db)
{
    private const int MaxCode = 40;

    /// <summary>The procedure of a code from the query string or the form; null for an unknown code (ignored, no error).</summary>
    public async Task<RelatedProcedure?> ByCodeAsync(string? code, CancellationToken ct = default)
    {
        var trimmed = (code ?? "").Trim();
        if (trimmed.Length is 0 or > MaxCode) return null;
        return await db.Procedures.AsNoTracking().Where(p => p.Code == trimmed)
            .Select(p => new RelatedProcedure(p.Code, p.Name, p.Slug)).FirstOrDefaultAsync(ct);
    }

    public async Task<RelatedProcedure?> ByIdAsync(int? id, CancellationToken ct = default) =>
        id is not { } procedureId ? null
        : await db.Procedures.AsNoTracking().Where(p => p.Id == procedureId)
            .Select(p => new RelatedProcedure(p.Code, p.Name, p.Slug)).FirstOrDefaultAsync(ct);

    /// <summary>The procedure of a published answer (none for a case not published).</summary>
    public async Task<RelatedProcedure?> ForPublishedAnswerAsync(string code, CancellationToken ct = default)
    {
        var id = await db.QuestionCases.AsNoTracking().Where(c => c.Code == code && c.Status == CaseStatus.Answered && c.IsPublished)
            .Select(c => c.ProcedureId).FirstOrDefaultAsync(ct);
        return await ByIdAsync(id, ct);
    }
}
