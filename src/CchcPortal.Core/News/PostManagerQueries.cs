using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.News;

public sealed record ManagerPostRow(
    int Id, string Title, string Slug, PublicationStatus Status, DateTime? PublishedAt, DateTime UpdatedAt,
    string CategoryName, string AuthorName);

/// <param name="AuthorId">Only this author's posts (contributors see only theirs; "Của tôi" for everyone).</param>
public sealed record ManagerPostFilter(PublicationStatus? Status, int? CategoryId, string? Query, int Page = 1, int PageSize = 20, string? AuthorId = null);

/// <summary>Read side of the news column for the manager: every status, filters, paging.</summary>
public sealed class PostManagerQueries(PortalDbContext db)
{
    public async Task<PagedResult<ManagerPostRow>> ListAsync(ManagerPostFilter filter, CancellationToken ct = default)
    {
        var q = db.Posts.AsNoTracking();
        if (filter.Status is { } s) q = q.Where(p => p.Status == s);
        if (filter.CategoryId is { } c) q = q.Where(p => p.CategoryId == c);
        if (filter.AuthorId is { } author) q = q.Where(p => p.AuthorId == author);
        foreach (var term in VietnameseText.Fold(filter.Query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            q = q.Where(p => p.SearchText.Contains(term));
        var page = Math.Max(1, filter.Page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(p => new ManagerPostRow(p.Id, p.Title, p.Slug, p.Status, p.PublishedAt, p.UpdatedAt, p.Category!.Name, p.AuthorName))
            .ToListAsync(ct);
        return new PagedResult<ManagerPostRow>(rows, page, filter.PageSize, total);
    }

    public Task<Post?> GetAsync(int id, CancellationToken ct = default) =>
        db.Posts.AsNoTracking().Include(p => p.Tags).Include(p => p.Category).FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<IReadOnlyList<PostRevision>> RevisionsAsync(int postId, CancellationToken ct = default) =>
        await db.PostRevisions.AsNoTracking().Where(r => r.PostId == postId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToListAsync(ct);

    public async Task<Dictionary<PublicationStatus, int>> CountsByStatusAsync(CancellationToken ct = default, string? authorId = null) =>
        await db.Posts.Where(p => authorId == null || p.AuthorId == authorId).GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
