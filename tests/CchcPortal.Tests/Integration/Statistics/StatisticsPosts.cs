using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using CchcPortal.Core.News.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Statistics;

/// <summary>Posts and view counts written straight to the database, for the statistics and view counter tests.</summary>
public static class StatisticsPosts
{
    public static async Task<int> AddAsync(PortalFactory factory, string slug, string author = "Biên tập viên", int categoryIndex = 0,
        PublicationStatus status = PublicationStatus.Published, DateTime? publishedAt = null, DateTime? createdAt = null, string? title = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var category = await db.Categories.OrderBy(c => c.Id).Skip(categoryIndex).FirstAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var created = createdAt ?? publishedAt ?? now.AddDays(-1);
        var post = new Post
        {
            Title = title ?? $"Bài {slug}", Slug = slug, Summary = "Tóm tắt.", BodyHtml = "<p>Nội dung.</p>", CategoryId = category.Id,
            Status = status, PublishedAt = status == PublicationStatus.Draft ? null : publishedAt ?? now.AddDays(-1),
            AuthorName = author, CreatedAt = created, UpdatedAt = created,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    }

    /// <summary>Adds views as another node's flush would.</summary>
    public static async Task AddViewsAsync(PortalFactory factory, Dictionary<PostViewKey, int> counts)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PostViewStore>().AddAsync(counts);
    }

    public static async Task<Dictionary<DateOnly, int>> ViewsAsync(PortalFactory factory, int postId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PostViewDay>()
            .Where(v => v.PostId == postId).ToDictionaryAsync(v => v.Day, v => v.Count);
    }

    /// <summary>A date in Vietnam time as the UTC instant the database keeps.</summary>
    public static DateTime VnTime(int year, int month, int day, int hour = 9) =>
        Core.Common.VnFormat.ToUtc(new DateTime(year, month, day, hour, 0, 0));
}
