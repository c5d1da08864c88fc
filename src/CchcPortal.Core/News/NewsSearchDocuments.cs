using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.News;

/// <summary>Published news whose time has come; drafts, archived and future-scheduled posts are not public.</summary>
public sealed class NewsSearchDocuments(PortalDbContext db, TimeProvider time) : ISearchDocumentSource
{
    public string Kind => ContentKinds.News;

    public async Task<IReadOnlyList<int>?> IdsForRebuildAsync(CancellationToken ct) =>
        await db.Posts.AsNoTracking().OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var q = db.Posts.AsNoTracking().Where(p => p.Status == PublicationStatus.Published || p.Status == PublicationStatus.Scheduled);
        if (ids is not null) q = q.Where(p => EF.Parameter(ids.ToArray()).Contains(p.Id));
        var posts = await q.Include(p => p.Category).Include(p => p.Tags).AsSplitQuery().ToListAsync(ct);
        return posts.Where(p => p.IsPublicAt(now)).Select(p => new SearchDocument
        {
            Key = SearchDocument.KeyOf(Kind, p.Id),
            Kind = Kind,
            Title = p.Title,
            Summary = p.Summary,
            Body = string.Join(" ", [HtmlText.ToPlainText(p.BodyHtml), p.Category?.Name ?? "", .. p.Tags.Select(t => t.Name)]),
            Url = PublicPaths.Article(p.Slug),
            Date = p.PublishedAt,
            Years = p.PublishedAt is { } at ? [VnFormat.ToLocal(at).Year] : [],
        }).ToList();
    }
}
