using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Documents;

/// <summary>
/// Published văn bản of the documents library: "Kế hoạch số 37/KH-UBND: trích yếu", the text of the body, the
/// issuer and signer. Whatever edits documents writes change-feed rows of kind <see cref="ContentKinds.Document"/>
/// with the document's id; a rebuild picks up all of them.
/// </summary>
public sealed class LegalDocumentSearchDocuments(PortalDbContext db) : ISearchDocumentSource
{
    public string Kind => ContentKinds.Document;

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var q = db.Documents.AsNoTracking().Where(d => d.IsPublished);
        if (ids is not null) q = q.Where(d => EF.Parameter(ids.ToArray()).Contains(d.Id));
        return (await q.ToListAsync(ct)).Select(d => new SearchDocument
        {
            Key = SearchDocument.KeyOf(Kind, d.Id),
            Kind = Kind,
            Title = TitleOf(d),
            Summary = string.Join(" · ", new[] { d.Issuer, d.IssuedOn is { } on ? "ngày " + on.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "",
                DocumentText.Status(d.Status) }.Where(s => s.Length > 0)),
            Keywords = d.NumberKey,
            Body = string.Join(" ", new[] { HtmlText.ToPlainText(d.BodyHtml), d.Issuer, d.Signer }.Where(s => s.Length > 0)),
            Url = PublicPaths.Document(d.Slug),
            Date = d.IssuedOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Fields = d.Field.Length > 0 ? [d.Field] : [],
            Agencies = d.Issuer.Length > 0 ? [d.Issuer] : [],
            Years = d.IssuedOn is { } issued ? [issued.Year] : [],
            Weight = d.Status == DocumentStatus.InForce ? 1f : 0.6f,
        }).ToList();
    }

    /// <summary>Loại, số ký hiệu and trích yếu: "Kế hoạch số 37/KH-UBND: Tuyên truyền cải cách hành chính năm 2019".</summary>
    public static string TitleOf(LegalDocument d)
    {
        var head = d.Number.Length > 0 ? $"{d.DocType} số {d.Number}" : d.DocType;
        return d.Summary.Length > 0 ? $"{head}: {d.Summary}" : head;
    }
}
