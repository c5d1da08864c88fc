using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.News;

/// <summary>A post as lists show it: no body, category name joined in the same query.</summary>
public sealed record PostCard(
    int Id, string Title, string Slug, string Summary, string? FeaturedImage, string? FeaturedImageAlt,
    DateTime? PublishedAt, string CategoryName, string CategorySlug);

/// <summary>Read side of the news column for public pages: only what is public at the current time.</summary>
public sealed class PostQueries(PortalDbContext db, TimeProvider time)
{
    public const int DefaultPageSize = 12;
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private IQueryable<Post> Public()
    {
        var now = Now;
        return db.Posts.AsNoTracking().Where(p =>
            (p.Status == PublicationStatus.Published || p.Status == PublicationStatus.Scheduled) && p.PublishedAt <= now);
    }

    private static IQueryable<PostCard> ToCards(IQueryable<Post> q) =>
        q.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Select(p => new PostCard(p.Id, p.Title, p.Slug, p.Summary, p.FeaturedImage, p.FeaturedImageAlt,
                p.PublishedAt, p.Category!.Name, p.Category.Slug));

    public async Task<PagedResult<PostCard>> LatestAsync(int page, int pageSize = DefaultPageSize, CancellationToken ct = default) =>
        await PageAsync(Public(), page, pageSize, ct);

    public async Task<PagedResult<PostCard>> ByCategoryAsync(int categoryId, int page, int pageSize = DefaultPageSize, CancellationToken ct = default) =>
        await PageAsync(Public().Where(p => p.CategoryId == categoryId), page, pageSize, ct);

    public async Task<PagedResult<PostCard>> ByTagAsync(int tagId, int page, int pageSize = DefaultPageSize, CancellationToken ct = default) =>
        await PageAsync(Public().Where(p => p.Tags.Any(t => t.Id == tagId)), page, pageSize, ct);

    public async Task<PagedResult<PostCard>> SearchAsync(string query, int page, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        var terms = VietnameseText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();
        var q = Public();
        foreach (var term in terms)
            q = q.Where(p => p.SearchText.Contains(term));
        return await PageAsync(q, page, pageSize, ct);
    }

    public async Task<IReadOnlyList<PostCard>> FeaturedAsync(int count, CancellationToken ct = default) =>
        await ToCards(Public().Where(p => p.IsFeatured)).Take(count).ToListAsync(ct);

    public async Task<IReadOnlyList<PostCard>> ForFeedAsync(int? categoryId, int count, CancellationToken ct = default)
    {
        var q = Public();
        if (categoryId is { } id) q = q.Where(p => p.CategoryId == id);
        return await ToCards(q).Take(count).ToListAsync(ct);
    }

    /// <summary>The newest few posts of each category: one query per category, never per post.</summary>
    public async Task<IReadOnlyList<(Category Category, IReadOnlyList<PostCard> Posts)>> PerCategoryAsync(int perCategory, CancellationToken ct = default)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        var blocks = new List<(Category, IReadOnlyList<PostCard>)>();
        foreach (var category in categories)
        {
            var posts = await ToCards(Public().Where(p => p.CategoryId == category.Id)).Take(perCategory).ToListAsync(ct);
            if (posts.Count > 0) blocks.Add((category, posts));
        }
        return blocks;
    }

    public Task<Post?> BySlugAsync(string slug, CancellationToken ct = default) =>
        Public().Include(p => p.Category).Include(p => p.Tags).FirstOrDefaultAsync(p => p.Slug == slug, ct);

    public async Task<IReadOnlyList<PostCard>> RelatedAsync(Post post, int count, CancellationToken ct = default)
    {
        var tagIds = post.Tags.Select(t => t.Id).ToList();
        return await ToCards(Public().Where(p => p.Id != post.Id
                && (p.Tags.Any(t => tagIds.Contains(t.Id)) || p.CategoryId == post.CategoryId)))
            .Take(count).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<(string Slug, DateTime UpdatedAt)>> SitemapEntriesAsync(CancellationToken ct = default) =>
        (await Public().OrderByDescending(p => p.PublishedAt).Select(p => new { p.Slug, p.UpdatedAt }).Take(50_000).ToListAsync(ct))
            .Select(x => (x.Slug, x.UpdatedAt)).ToList();

    public Task<Category?> CategoryBySlugAsync(string slug, CancellationToken ct = default) =>
        db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);

    public Task<Tag?> TagBySlugAsync(string slug, CancellationToken ct = default) =>
        db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);

    public async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken ct = default) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);

    private static async Task<PagedResult<PostCard>> PageAsync(IQueryable<Post> q, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var total = await q.CountAsync(ct);
        var items = await ToCards(q).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<PostCard>(items, page, pageSize, total);
    }
}
