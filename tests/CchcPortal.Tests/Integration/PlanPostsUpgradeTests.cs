using System.Net;
using System.Text.Json;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Documents;
using CchcPortal.Core.News;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// A database seeded by an earlier build holds the five plans twice: as documents and as news posts. The next
/// start deletes the posts (search and citations follow), moves their activity reports to the documents and
/// redirects their addresses.
/// </summary>
public sealed class PlanPostsUpgradeTests
{
    private sealed record OldPost(int Id, string Slug, int DocumentId, string DocumentSlug);

    [Fact]
    public async Task A_start_on_a_database_with_the_old_plan_posts_replaces_them_by_the_documents()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cchc-tests", Guid.NewGuid().ToString("N"));
        try
        {
            List<OldPost> old;
            int editorPostId, reportId, bacKanActivityId;
            using (var first = new PortalFactory(dataPath))
            {
                (old, editorPostId, reportId, bacKanActivityId) = await SeedLikeAnEarlierBuildAsync(first);
                await first.WaitForSearchAsync();
                var client = first.Anonymous();
                var quangNgai = old.Single(p => p.Slug.EndsWith("2019-thanh-pho-quang-ngai"));
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/tin-tuc/{quangNgai.Slug}")).StatusCode);
                Assert.Contains(Urls(await SearchAsync(client, "ke hoach tuyen truyen tra bong")), u => u.StartsWith("/tin-tuc/"));
                Assert.Contains("Tin bài", WebUtility.HtmlDecode(await client.GetStringAsync($"/van-ban/{quangNgai.DocumentSlug}")));
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            using var second = new PortalFactory(dataPath);
            using (var scope = second.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var oldIds = old.Select(p => p.Id).ToList();
                Assert.False(await db.Posts.AnyAsync(p => oldIds.Contains(p.Id)));
                Assert.True(await db.Posts.AnyAsync(p => p.Id == editorPostId), "an editor's own post stays");
                Assert.True(await db.SeedRecords.AnyAsync(r => r.Key == "plans:posts-to-documents"));
                // Deleted as the manager deletes: a delete row for the search index, no revisions, no citation rows left.
                Assert.Equal(oldIds.Order(), (await db.ContentChanges.Where(c => c.Kind == ContentKinds.News && c.Operation == ChangeOperation.Delete)
                    .Select(c => c.EntityId).ToListAsync()).Order());
                Assert.False(await db.PostRevisions.AnyAsync(r => oldIds.Contains(r.PostId)));
                Assert.False(await db.CitationLinks.AnyAsync(c => c.SourceKind == ContentKinds.News && oldIds.Contains(c.SourceId)));
                // The seed's tags go with the posts unless another post uses them.
                Assert.False(await db.Tags.AnyAsync(t => t.Slug == "ke-hoach-tuyen-truyen"));
                Assert.True(await db.Tags.AnyAsync(t => t.Slug == "bac-kan"));
                // The Bắc Kạn post reported on an activity: the Bắc Kạn document does now.
                var report = await db.PlanActivityReports.SingleAsync(r => r.Id == reportId);
                Assert.Null(report.PostId);
                Assert.Equal(old.Single(p => p.Slug.EndsWith("tinh-bac-kan-nam-2024")).DocumentId, report.DocumentId);
                Assert.Equal(bacKanActivityId, report.ActivityId);
            }

            var anonymous = second.Anonymous();
            foreach (var post in old)
            {
                foreach (var from in new[] { $"/tin-tuc/{post.Slug}", $"/tin-tuc/{post.Slug}/ban-in" })
                {
                    var moved = await anonymous.GetAsync(from);
                    Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
                    Assert.Equal($"/van-ban/{post.DocumentSlug}", moved.Headers.Location!.OriginalString);
                }
            }
            await second.WaitForSearchAsync();
            var hits = Urls(await SearchAsync(anonymous, "ke hoach tuyen truyen tra bong"));
            Assert.DoesNotContain(hits, u => u.StartsWith("/tin-tuc/"));
            Assert.Equal($"/van-ban/{old.Single(p => p.Slug.Contains("tra-bong")).DocumentSlug}", hits[0]);

            var plan = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await anonymous.GetStringAsync("/ke-hoach-tuyen-truyen/2024"));
            var row = plan.QuerySelectorAll("table.plan-table tbody tr").Single(r => r.Children[0].TextContent.Trim() == "3");
            Assert.Contains("Tuyên truyền công tác cải cách hành chính tỉnh Bắc Kạn năm 2024", row.Children[6].TextContent);
            Assert.DoesNotContain("/tin-tuc/", row.Children[6].InnerHtml);
            var quangNgaiPage = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/van-ban/{old.Single(p => p.Slug.EndsWith("2019-thanh-pho-quang-ngai")).DocumentSlug}"));
            Assert.DoesNotContain("Tin bài", quangNgaiPage);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// What a database of the earlier build holds: each plan also as a published, featured post of "Văn bản chỉ đạo,
    /// điều hành" with its tags and a revision, indexed and citation-linked; no redirects, no record of the new step.
    /// Plus an editor's post sharing a tag, and the Bắc Kạn post tagged to one of its plan's activities.
    /// </summary>
    private static async Task<(List<OldPost>, int, int, int)> SeedLikeAnEarlierBuildAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        db.SeedRecords.RemoveRange(db.SeedRecords.Where(r => r.Key == "plans:posts-to-documents"));
        db.PathRedirects.RemoveRange(db.PathRedirects);
        await db.SaveChangesAsync();

        var category = await db.Categories.SingleAsync(c => c.Slug == "van-ban-chi-dao-dieu-hanh");
        var seeds = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seed", "plans", "documents.json"))).RootElement.EnumerateArray().ToList();
        var tags = new Dictionary<string, Tag>();
        Tag TagOf(string name) => tags.TryGetValue(name, out var t) ? t : tags[name] = new Tag { Name = name, Slug = SlugGenerator.Slugify(name) };
        var old = new List<OldPost>();
        foreach (var seed in seeds)
        {
            var (year, unit) = (seed.GetProperty("year").GetInt32(), seed.GetProperty("unitName").GetString()!);
            var document = await (from p in db.PropagandaPlans join d in db.Documents on p.DocumentId equals d.Id where p.Year == year && p.UnitName == unit select d).SingleAsync();
            var slug = seed.GetProperty("oldPostSlug").GetString()!;
            var summary = document.Number.Length > 0 ? $"Kế hoạch số {document.Number} ngày 22/3/2019 của {document.Issuer}." : document.Summary;
            var post = new Post
            {
                Title = seed.GetProperty("title").GetString()!, Slug = slug, Summary = summary, BodyHtml = document.BodyHtml,
                CategoryId = category.Id, Tags = [TagOf(seed.GetProperty("province").GetString()!), TagOf("Kế hoạch tuyên truyền"), TagOf(year.ToString())],
                Status = PublicationStatus.Published, PublishedAt = new DateTime(year, 1, 1, 1, 0, 0, DateTimeKind.Utc), IsFeatured = true,
                AuthorName = "Cổng thông tin", CreatedAt = now, UpdatedAt = now,
            };
            post.Revisions.Add(new PostRevision { CreatedAt = now, AuthorName = post.AuthorName, Title = post.Title, Summary = summary, BodyHtml = post.BodyHtml, CategoryId = category.Id });
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            db.ContentChanges.Add(new ContentChange { Kind = ContentKinds.News, EntityId = post.Id, Operation = ChangeOperation.Upsert, At = now });
            old.Add(new OldPost(post.Id, slug, document.Id, document.Slug));
        }
        var editorPost = new Post
        {
            Title = "Bắc Kạn tổ chức hội nghị tập huấn cải cách hành chính", Slug = "bac-kan-tap-huan-cai-cach-hanh-chinh", Summary = "Tập huấn cho cán bộ một cửa.",
            BodyHtml = "<p>Tập huấn cho cán bộ một cửa.</p>", CategoryId = category.Id, Tags = [TagOf("Bắc Kạn")],
            Status = PublicationStatus.Published, PublishedAt = now.AddDays(-1), AuthorName = "Biên tập viên", CreatedAt = now, UpdatedAt = now,
        };
        db.Posts.Add(editorPost);
        await db.SaveChangesAsync();
        db.ContentChanges.Add(new ContentChange { Kind = ContentKinds.News, EntityId = editorPost.Id, Operation = ChangeOperation.Upsert, At = now });

        var activityId = await (from a in db.PlanActivities join p in db.PropagandaPlans on a.PlanId equals p.Id where p.Year == 2024 && a.Section == "3" select a.Id).SingleAsync();
        var report = new PlanActivityReport { ActivityId = activityId, PostId = old.Single(p => p.Slug.EndsWith("tinh-bac-kan-nam-2024")).Id };
        db.PlanActivityReports.Add(report);
        await db.SaveChangesAsync();

        var linker = scope.ServiceProvider.GetRequiredService<CitationLinker>();
        foreach (var post in old) await linker.RelinkAsync(ContentKinds.News, post.Id);
        var quangNgaiDocument = old.Single(p => p.Slug.EndsWith("2019-thanh-pho-quang-ngai")).DocumentId;
        Assert.True(await db.CitationLinks.AnyAsync(c => c.SourceKind == ContentKinds.News && c.DocumentId == quangNgaiDocument), "the Quảng Ngãi post cites its document");
        return (old, editorPost.Id, report.Id, activityId);
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(query))).RootElement;

    private static List<string> Urls(JsonElement json) => json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("url").GetString()!).ToList();
}
