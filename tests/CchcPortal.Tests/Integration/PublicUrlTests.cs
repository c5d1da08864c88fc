using System.Net;
using System.Xml.Linq;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using CchcPortal.Core.Questions;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// Every public URL built for real rows leads to a page: the search documents of every kind, the sitemap's
/// locations and the links of both RSS feeds, on the seeded portal with a published post, answer and episode added.
/// </summary>
public class PublicUrlTests
{
    /// <summary>Per search document kind, so the test stays at a few hundred requests.</summary>
    private const int PerKind = 40;

    [Fact]
    public async Task Every_url_built_for_the_seeded_rows_answers_200()
    {
        using var factory = new PortalFactory(seedProcedures: true);
        var (article, answer, episode) = await AddPublishedRowsAsync(factory);
        var baseUrl = factory.Services.GetRequiredService<PublicAddress>().BaseUrl;
        var visitor = factory.Anonymous();

        var urls = new SortedSet<string>(StringComparer.Ordinal);
        var kinds = new List<string>();
        using (var scope = factory.Services.CreateScope())
        {
            foreach (var source in scope.ServiceProvider.GetServices<ISearchDocumentSource>())
            {
                var ids = await source.IdsForRebuildAsync(default);
                var documents = await source.LoadAsync(ids?.Take(PerKind * 5).ToList(), default);
                if (documents.Count > 0) kinds.Add(source.Kind);
                // Evenly spread, so a kind with documents of several shapes (rankings and units) keeps each.
                var kindUrls = documents.Select(d => d.Url).Distinct().Order(StringComparer.Ordinal).ToList();
                var step = Math.Max(1, (kindUrls.Count + PerKind - 1) / PerKind);
                foreach (var url in kindUrls.Where((_, i) => i % step == 0)) urls.Add(url);
            }
        }
        Assert.Contains(article, urls);
        Assert.Contains(answer, urls);
        Assert.Contains(episode, urls);

        var fromXml = new List<string>();
        foreach (var (feed, element) in new[] { ("/sitemap.xml", "loc"), ("/rss.xml", "link"), ("/hoi-dap/rss.xml", "link") })
        {
            var xml = XDocument.Parse(await visitor.GetStringAsync(feed));
            // The RSS channel's atom:link (its own address) is not a page.
            var links = xml.Descendants().Where(e => e.Name.LocalName == element && e.Name.NamespaceName != "http://www.w3.org/2005/Atom")
                .Select(e => e.Value).ToList();
            Assert.NotEmpty(links);
            Assert.All(links, link => Assert.StartsWith(baseUrl + "/", link));
            fromXml.AddRange(links.Select(link => link[baseUrl.Length..]));
        }
        Assert.Contains(article, fromXml);
        Assert.Contains(answer, fromXml);
        Assert.Contains(episode, fromXml);
        foreach (var url in fromXml) urls.Add(url);

        Assert.InRange(urls.Count, 50, 600);
        var failed = new List<string>();
        foreach (var url in urls)
        {
            var response = await visitor.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK) failed.Add($"{url} → {(int)response.StatusCode}");
        }
        Assert.True(failed.Count == 0, $"Kinds: {string.Join(", ", kinds)}. Not 200:\n{string.Join("\n", failed)}");
    }

    /// <summary>A published post with a tag, a published answer and a published episode, straight in the database.</summary>
    private static async Task<(string Article, string Answer, string Episode)> AddPublishedRowsAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
        var post = new Post
        {
            Title = "Một cửa điện tử cấp xã", Slug = "mot-cua-dien-tu-cap-xa", Summary = "Tóm tắt.", BodyHtml = "<p>Nội dung.</p>",
            CategoryId = category.Id, Status = PublicationStatus.Published, PublishedAt = now.AddDays(-1),
            AuthorName = "Biên tập viên", CreatedAt = now.AddDays(-1), UpdatedAt = now.AddDays(-1),
        };
        post.Tags.Add(new Tag { Name = "Một cửa", Slug = "mot-cua" });
        db.Posts.Add(post);
        var agency = await db.Agencies.FirstAsync(a => a.Slug == "so-tu-phap");
        db.QuestionCases.Add(new QuestionCase
        {
            Code = "HD-2026-000001", SecretHash = "x", Kind = CaseKind.Question, AgencyId = agency.Id, Title = "Hỏi về chứng thực bản sao",
            Content = "Xin hỏi về thủ tục.", PublicContent = "Xin hỏi về thủ tục.", SubmitterName = "Nguyễn Văn A", SubmitterPhone = "0912345678",
            ConsentToPublish = true, IsPublished = true, Channel = "web", Status = CaseStatus.Answered,
            SubmittedAt = now.AddDays(-10), ModerationDue = DateOnly.FromDateTime(now.AddDays(-9)), AnsweredAt = now.AddDays(-2),
            AnswerHtml = "<p>Trả lời.</p>", SignedBy = "Giám đốc Sở Tư pháp",
        });
        var topic = "Cấp giấy chứng nhận quyền sử dụng đất";
        var programme = new ProgrammeEpisode { AiredOn = new DateOnly(2026, 11, 20), Topic = topic, IsPublished = true, UpdatedAt = now };
        db.ProgrammeEpisodes.Add(programme);
        await db.SaveChangesAsync();
        return ("/tin-tuc/mot-cua-dien-tu-cap-xa", "/hoi-dap/cau-hoi/HD-2026-000001",
            $"/hoi-dap/chuong-trinh/{programme.Id}/cap-giay-chung-nhan-quyen-su-dung-dat");
    }
}
