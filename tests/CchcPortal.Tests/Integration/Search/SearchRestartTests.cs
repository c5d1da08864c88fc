using System.Text.Json;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using CchcPortal.Core.Search;
using CchcPortal.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Search;

/// <summary>The index lives in the data folder with its sequence: a restart reopens it, and replays what it missed.</summary>
public class SearchRestartTests
{
    [Fact]
    public async Task A_restart_reopens_the_index_at_its_sequence_and_replays_changes_it_missed()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cchc-tests", Guid.NewGuid().ToString("N"));
        long sequence;
        int documents;
        try
        {
            using (var first = new PortalFactory(dataPath))
            {
                await first.WaitForSearchAsync();
                sequence = first.Services.GetRequiredService<ISearchIndex>().CommittedSequence!.Value;
                documents = first.Services.GetRequiredService<ISearchIndex>().DocumentCount;
                Assert.True(documents > 0);
            }
            Assert.True(Directory.Exists(Path.Combine(dataPath, "index")));

            // A "crash" between the database commit and the index commit: the change is in the feed, not in the index.
            const string title = "Lịch tiếp công dân định kỳ của Chủ tịch UBND tỉnh Đắk Lắk";
            using (var offline = new PortalFactory(dataPath))
            {
                // Stop the indexer of this instance before it can see the change, as if the process died.
                var indexer = offline.Services.GetRequiredService<SearchIndexer>();
                await offline.WaitForSearchAsync();
                await indexer.StopAsync(CancellationToken.None);
                Assert.Equal(sequence, indexer.AppliedSequence);
                Assert.Null(indexer.LastRebuildAt); // reopened at its sequence, no rebuild
                using var scope = offline.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var now = offline.Clock.GetUtcNow().UtcDateTime;
                var category = await db.Categories.FirstAsync();
                var post = new Post
                {
                    Title = title, Slug = "lich-tiep-cong-dan-dinh-ky", Summary = "Lịch tiếp công dân", BodyHtml = "<p>Tiếp công dân ngày 15 hằng tháng.</p>",
                    CategoryId = category.Id, Status = PublicationStatus.Published, PublishedAt = now.AddHours(-1), CreatedAt = now, UpdatedAt = now,
                };
                db.Posts.Add(post);
                await db.SaveChangesAsync();
                db.ContentChanges.Add(new ContentChange { Kind = ContentKinds.News, EntityId = post.Id, Operation = ChangeOperation.Upsert, At = now });
                await db.SaveChangesAsync();
                var json = await offline.Anonymous().GetStringAsync("/api/search?q=tiep+cong+dan+dinh+ky");
                Assert.DoesNotContain(title, JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
            }

            using (var restarted = new PortalFactory(dataPath))
            {
                await restarted.WaitForSearchAsync();
                var indexer = restarted.Services.GetRequiredService<SearchIndexer>();
                Assert.Null(indexer.LastRebuildAt);
                Assert.True(indexer.AppliedSequence > sequence);
                Assert.Equal(documents + 1, restarted.Services.GetRequiredService<ISearchIndex>().DocumentCount);
                var json = await restarted.Anonymous().GetStringAsync("/api/search?q=tiep+cong+dan+dinh+ky");
                var items = JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().ToList();
                Assert.Equal(title, items[0].GetProperty("title").GetString());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, true); } catch (IOException) { }
        }
    }
}
