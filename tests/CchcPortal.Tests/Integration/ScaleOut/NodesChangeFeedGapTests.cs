using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using CchcPortal.Core.Search;
using CchcPortal.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.ScaleOut;

/// <summary>
/// With several writers (PostgreSQL) change ids commit out of order. The updater applies what it sees, never commits a
/// sequence past a missing id until that id arrives or its gap is older than the timeout, and applies a late row once.
/// The gaps are made by hand on SQLite: the logic does not depend on the provider.
/// </summary>
public class NodesChangeFeedGapTests : IDisposable
{
    private readonly PortalFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private async Task<int> AddPostWithoutChangeAsync(PortalDbContext db, string title)
    {
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        var post = new Post
        {
            Title = title, Slug = SlugOf(title), Summary = title, BodyHtml = $"<p>{title}.</p>", CategoryId = (await db.Categories.FirstAsync()).Id,
            Status = PublicationStatus.Published, PublishedAt = now.AddHours(-1), CreatedAt = now, UpdatedAt = now,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    }

    private static string SlugOf(string title) => "bai-" + Math.Abs(title.GetHashCode()).ToString();

    private async Task AddChangeAsync(PortalDbContext db, long id, int postId)
    {
        db.ContentChanges.Add(new ContentChange
        {
            Id = id, Kind = ContentKinds.News, EntityId = postId, Operation = ChangeOperation.Upsert, At = _factory.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }

    private static bool Finds(ISearchIndex index, string words, int postId) =>
        index.RankedKeys(new SearchQuery { Text = words }, 20).Contains(SearchDocument.KeyOf(ContentKinds.News, postId));

    [Fact]
    public async Task A_late_row_below_the_highest_seen_is_applied_and_the_sequence_waits_for_it_or_for_the_timeout()
    {
        await _factory.WaitForSearchAsync();
        // The node's own indexer stops: the test turns the updater by hand.
        await _factory.Services.GetRequiredService<SearchIndexer>().StopAsync(CancellationToken.None);
        var index = _factory.Services.GetRequiredService<ISearchIndex>();
        var cursor = _factory.Services.GetRequiredService<SearchIndexUpdaterCursor>();
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var updater = scope.ServiceProvider.GetRequiredService<SearchIndexUpdater>();
        var start = await db.ContentChanges.MaxAsync(c => c.Id);
        Assert.Equal(start, index.CommittedSequence);

        var early = await AddPostWithoutChangeAsync(db, "Hội nghị sơ kết công tác tiếp dân quý ba");
        var late = await AddPostWithoutChangeAsync(db, "Quyết định công bố danh mục thủ tục lưu trữ");
        // Id start+2 commits first; start+1 is still in its writer's transaction.
        await AddChangeAsync(db, start + 2, early);
        Assert.Equal(1, await updater.ApplyNextBatchAsync());
        Assert.True(Finds(index, "sơ kết tiếp dân", early));
        Assert.Equal(start, index.CommittedSequence);
        Assert.Equal((start + 2, 1), (cursor.HighestApplied, cursor.OpenGaps));
        // Nothing new: the row above the gap is not applied again.
        Assert.Equal(0, await updater.ApplyNextBatchAsync());
        Assert.Equal(start, index.CommittedSequence);

        await AddChangeAsync(db, start + 1, late);
        Assert.Equal(1, await updater.ApplyNextBatchAsync());
        Assert.True(Finds(index, "danh mục thủ tục lưu trữ", late));
        Assert.Equal(start + 2, index.CommittedSequence);
        Assert.Equal(0, cursor.OpenGaps);

        // A gap that never fills (a rolled-back transaction) holds the sequence back until it is older than the timeout.
        var after = await AddPostWithoutChangeAsync(db, "Thông báo lịch trực cải cách hành chính dịp Tết");
        await AddChangeAsync(db, start + 4, after);
        Assert.Equal(1, await updater.ApplyNextBatchAsync());
        Assert.True(Finds(index, "lịch trực Tết", after));
        Assert.Equal(start + 2, index.CommittedSequence);
        _factory.Clock.Advance(SearchIndexUpdaterCursor.GapTimeout - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await updater.ApplyNextBatchAsync());
        Assert.Equal(start + 2, index.CommittedSequence);
        _factory.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, await updater.ApplyNextBatchAsync());
        Assert.Equal(start + 4, index.CommittedSequence);
        Assert.Equal(0, cursor.OpenGaps);
    }

    [Fact]
    public void A_rebuild_stops_its_sequence_below_a_young_gap_only()
    {
        var now = new DateTime(2026, 12, 4, 5, 0, 0, DateTimeKind.Utc);
        (long, DateTime)[] tail = [(10, now.AddMinutes(-5)), (11, now.AddSeconds(-5)), (13, now.AddSeconds(-4)), (14, now.AddSeconds(-3))];
        Assert.Equal(11, SearchIndexUpdaterCursor.SafeRebuildSequence(tail, now));
        Assert.Equal(14, SearchIndexUpdaterCursor.SafeRebuildSequence(tail, now.AddMinutes(1)));
        Assert.Equal(0, SearchIndexUpdaterCursor.SafeRebuildSequence([], now));
    }
}
