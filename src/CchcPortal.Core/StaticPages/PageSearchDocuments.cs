using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.StaticPages;

/// <summary>Static pages (Giới thiệu, Liên hệ, ...): all are public.</summary>
public sealed class PageSearchDocuments(PortalDbContext db) : ISearchDocumentSource
{
    public string Kind => ContentKinds.Page;

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var q = db.StaticPages.AsNoTracking();
        if (ids is not null) q = q.Where(p => EF.Parameter(ids.ToArray()).Contains(p.Id));
        return (await q.ToListAsync(ct)).Select(p => new SearchDocument
        {
            Key = SearchDocument.KeyOf(Kind, p.Id),
            Kind = Kind,
            Title = p.Title,
            Body = HtmlText.ToPlainText(p.BodyHtml),
            Url = PublicPaths.StaticPage(p.Slug),
            Date = p.UpdatedAt,
        }).ToList();
    }
}
