using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>
/// Published answers only, built from what the public answer page shows: title, the moderated question
/// (PublicContent) and the answer. The submitter's name, phone, e-mail and area are never read here.
/// </summary>
public sealed class QuestionSearchDocuments(PortalDbContext db) : ISearchDocumentSource
{
    public string Kind => ContentKinds.Question;

    public async Task<IReadOnlyList<int>?> IdsForRebuildAsync(CancellationToken ct) =>
        await db.QuestionCases.AsNoTracking().OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var q = db.QuestionCases.AsNoTracking().Where(c => c.Status == CaseStatus.Answered && c.IsPublished && c.AnsweredAt != null);
        if (ids is not null) q = q.Where(c => EF.Parameter(ids.ToArray()).Contains(c.Id));
        // A projection, so personal fields are not even loaded.
        var rows = await q.Select(c => new { c.Id, c.Code, c.Title, c.PublicContent, c.AnswerHtml, c.SignedBy, c.Field, c.AgencyId, c.AnsweredAt })
            .ToListAsync(ct);
        var agencyIds = rows.Where(r => r.AgencyId != null).Select(r => r.AgencyId!.Value).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return rows.Select(r =>
        {
            var agency = r.AgencyId is { } id ? agencies.GetValueOrDefault(id, "") : "";
            return new SearchDocument
            {
                Key = SearchDocument.KeyOf(Kind, r.Id),
                Kind = Kind,
                Title = r.Title,
                Summary = HtmlText.Truncate(VietnameseText.Normalize(r.PublicContent), 300),
                Body = VietnameseText.Normalize(r.PublicContent) + " " + HtmlText.ToPlainText(r.AnswerHtml) + " " + agency,
                Url = PublicPaths.Answer(r.Code),
                Date = r.AnsweredAt,
                Fields = r.Field.Length > 0 ? [r.Field] : [],
                Agencies = agency.Length > 0 ? [agency] : [],
                Years = [VnFormat.ToLocal(r.AnsweredAt!.Value).Year],
            };
        }).ToList();
    }
}
