using System.Net;
using System.Xml.Linq;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

public class PublicSiteTests(PublicSiteTests.Fixture fixture) : IClassFixture<PublicSiteTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private HttpClient Client => fixture.Factory.Anonymous();

    /// <summary>(old post slug, document slug) of the five seeded plans, read from the seed and the database.</summary>
    private async Task<List<(string OldSlug, string DocumentSlug)>> PlanSlugsAsync()
    {
        var seeds = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seed", "plans", "documents.json")))
            .RootElement.EnumerateArray().Select(e => (Old: e.GetProperty("oldPostSlug").GetString()!, Year: e.GetProperty("year").GetInt32(), Unit: e.GetProperty("unitName").GetString()!)).ToList();
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var documents = await (from p in db.PropagandaPlans join d in db.Documents on p.DocumentId equals d.Id select new { p.Year, p.UnitName, d.Slug }).ToListAsync();
        return seeds.Select(s => (s.Old, documents.Single(d => d.Year == s.Year && d.UnitName == s.Unit).Slug)).ToList();
    }

    [Fact]
    public async Task Home_of_a_fresh_install_shows_the_plans_as_new_documents_and_no_empty_news_box()
    {
        var response = await Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("lang=\"vi\"", html);
        Assert.Contains("href=\"tel:+842621022\"", html);
        Assert.DoesNotContain("Chưa có tin bài nào được đăng.", html); // no grey empty box first (issue 20)
        Assert.DoesNotContain("Tin mới nhất", html);
        var documents = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("ul.document-list li");
        Assert.Equal(5, documents.Length);
        Assert.Contains(documents, li => li.TextContent.Contains("Kế hoạch số 37/KH-UBND"));
        Assert.Contains(documents, li => li.TextContent.Contains("Tuyên truyền công tác cải cách hành chính tỉnh Bắc Kạn năm 2024"));
        Assert.Contains(documents, li => li.TextContent.Contains("Quyết định (chưa có số): Ban hành Kế hoạch tuyên truyền cải cách hành chính Nhà nước năm 2021 trên địa bàn tỉnh Đắk Lắk"));
        Assert.All(documents, li => Assert.StartsWith("/van-ban/", li.QuerySelector("a")!.GetAttribute("href")));
    }

    [Fact]
    public async Task News_list_and_category_of_a_fresh_install_are_empty_with_a_way_to_the_documents()
    {
        using (var scope = fixture.Factory.Services.CreateScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Posts.CountAsync());
        var news = await Client.GetAsync("/tin-tuc");
        Assert.Equal(HttpStatusCode.OK, news.StatusCode);
        var html = await news.Content.ReadAsStringAsync();
        Assert.Contains("Chưa có tin bài nào được đăng.", html);
        Assert.Contains("href=\"/van-ban\"", html);
        Assert.Contains("href=\"/ke-hoach-tuyen-truyen\"", html);
        var category = await Client.GetAsync("/tin-tuc/chuyen-muc/van-ban-chi-dao-dieu-hanh");
        Assert.Equal(HttpStatusCode.OK, category.StatusCode);
        var categoryHtml = await category.Content.ReadAsStringAsync();
        Assert.Contains("Chuyên mục chưa có tin bài.", categoryHtml);
        // An empty category is no dead end: the other categories, the documents and the plans are a click away.
        Assert.Contains("href=\"/tin-tuc\">các chuyên mục khác", categoryHtml);
        Assert.Contains("href=\"/van-ban\"", categoryHtml);
        Assert.Contains("href=\"/ke-hoach-tuyen-truyen\"", categoryHtml);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/tin-tuc/chuyen-muc/khong-co")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/tin-tuc?trang=99")).StatusCode);
        // The seed tagged no post: no tag page.
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/tin-tuc/the/ke-hoach-tuyen-truyen")).StatusCode);
    }

    [Fact]
    public async Task Seeded_plan_document_carries_the_full_text_rendered_from_markdown()
    {
        var slug = (await PlanSlugsAsync()).Single(p => p.OldSlug.EndsWith("2021-tinh-dak-lak")).DocumentSlug;
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/van-ban/{slug}"));
        Assert.Contains("<li>", html);
        Assert.Contains("<strong>", html);
        Assert.Contains("0262.8552255", html);
        Assert.Contains("Chưa có số (bản dự thảo)", html);
        Assert.Contains("UBND tỉnh Đắk Lắk", html);
        // The body is the whole plan, down to the closing sentence of the Markdown source.
        Assert.Contains("Trên đây là Kế hoạch tuyên truyền CCHC năm 2021 trên địa bàn tỉnh Đắk Lắk", html);
    }

    [Fact]
    public async Task Old_plan_post_addresses_answer_301_with_the_documents()
    {
        var plans = await PlanSlugsAsync();
        Assert.Equal(5, plans.Count);
        foreach (var (oldSlug, documentSlug) in plans)
        {
            foreach (var from in new[] { $"/tin-tuc/{oldSlug}", $"/tin-tuc/{oldSlug}/ban-in" })
            {
                var moved = await Client.GetAsync(from);
                Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
                Assert.Equal($"/van-ban/{documentSlug}", moved.Headers.Location!.OriginalString);
            }
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/van-ban/{documentSlug}")).StatusCode);
        }
    }

    [Fact]
    public async Task Feeds_of_a_fresh_install_are_valid_and_empty()
    {
        var response = await Client.GetAsync("/rss.xml");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(doc.Root!.Element("channel")!.Element("title"));
        Assert.Empty(doc.Descendants("item"));
        Assert.Empty(XDocument.Parse(await Client.GetStringAsync("/tin-tuc/chuyen-muc/van-ban-chi-dao-dieu-hanh/rss.xml")).Descendants("item"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/tin-tuc/chuyen-muc/khong-co/rss.xml")).StatusCode);
    }

    [Fact]
    public async Task A_published_post_has_its_print_view_tag_page_feeds_and_sitemap_entry()
    {
        // Its own portal: the home and feed tests above check a fresh install without news.
        using var factory = new PortalFactory();
        string slug;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var service = scope.ServiceProvider.GetRequiredService<PostService>();
            var categoryId = (await db.Categories.SingleAsync(c => c.Slug == "van-ban-chi-dao-dieu-hanh")).Id;
            var created = await service.CreateAsync(new PostInput
            {
                Title = "Triển khai Kế hoạch tuyên truyền cải cách hành chính năm 2024 tại Bắc Kạn",
                BodyHtml = "<p>Các sở, ngành và UBND cấp huyện triển khai kế hoạch tuyên truyền.</p>",
                CategoryId = categoryId, Tags = "Kế hoạch tuyên truyền, Bắc Kạn",
            }, null, "Biên tập viên");
            Assert.True(created.Succeeded);
            await service.PublishNowAsync(created.Value!.Id);
            slug = created.Value.Slug;
        }
        var client = factory.Anonymous();

        var print = await client.GetStringAsync($"/tin-tuc/{slug}/ban-in");
        Assert.Contains("Bắc Kạn", print);
        Assert.DoesNotContain("<script", print);
        Assert.DoesNotContain("<nav", print);

        var tag = await client.GetAsync("/tin-tuc/the/ke-hoach-tuyen-truyen");
        Assert.Equal(HttpStatusCode.OK, tag.StatusCode);
        Assert.Contains($"/tin-tuc/{slug}", await tag.Content.ReadAsStringAsync());

        var items = XDocument.Parse(await client.GetStringAsync("/rss.xml")).Descendants("item").ToList();
        Assert.Single(items);
        Assert.EndsWith($"/tin-tuc/{slug}", items[0].Element("link")!.Value);
        Assert.StartsWith("http", items[0].Element("link")!.Value);
        Assert.Single(XDocument.Parse(await client.GetStringAsync("/tin-tuc/chuyen-muc/van-ban-chi-dao-dieu-hanh/rss.xml")).Descendants("item"));
        Assert.Empty(XDocument.Parse(await client.GetStringAsync("/tin-tuc/chuyen-muc/tin-hoat-dong-cchc/rss.xml")).Descendants("item"));

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(await client.GetStringAsync("/sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains(locs, l => l.EndsWith($"/tin-tuc/{slug}"));
    }

    [Fact]
    public async Task Sitemap_and_robots()
    {
        var doc = XDocument.Parse(await Client.GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = doc.Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains(locs, l => l.EndsWith("/gioi-thieu"));
        Assert.Equal(5, locs.Count(l => l.Contains("/van-ban/")));
        foreach (var (oldSlug, documentSlug) in await PlanSlugsAsync())
        {
            Assert.Contains(locs, l => l.EndsWith($"/van-ban/{documentSlug}"));
            Assert.DoesNotContain(locs, l => l.EndsWith($"/tin-tuc/{oldSlug}"));
        }
        Assert.Contains(locs, l => l.EndsWith("/ke-hoach-tuyen-truyen/2024"));
        var robots = await Client.GetStringAsync("/robots.txt");
        Assert.Contains("Disallow: /quan-tri", robots);
        Assert.Contains("Sitemap: ", robots);
    }

    [Fact]
    public async Task Static_pages_are_public()
    {
        var html = await Client.GetStringAsync("/chinh-sach-bao-ve-du-lieu-ca-nhan");
        Assert.Contains("Chính sách bảo vệ dữ liệu cá nhân", html);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/lien-he")).StatusCode);
    }

    [Fact]
    public async Task Unknown_page_gets_a_friendly_vietnamese_404()
    {
        var response = await Client.GetAsync("/khong-ton-tai-trang-nay");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Không tìm thấy trang", html);
        var deep = await Client.GetAsync("/tin-tuc/khong-co-bai-nay");
        Assert.Equal(HttpStatusCode.NotFound, deep.StatusCode);
        Assert.Contains("Không tìm thấy trang", await deep.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Security_headers_are_strict()
    {
        var response = await Client.GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Html_is_minified_and_compressed_only_when_asked()
    {
        var plain = await Client.GetAsync("/tin-tuc");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var html = await plain.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("\n    <", html);

        var request = new HttpRequestMessage(HttpMethod.Get, "/tin-tuc");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        var compressed = await Client.SendAsync(request);
        Assert.Equal("br", compressed.Content.Headers.ContentEncoding.Single());

        var again = await Client.GetAsync("/tin-tuc");
        Assert.Empty(again.Content.Headers.ContentEncoding);
        Assert.StartsWith("<!DOCTYPE html>", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Search_finds_text_typed_without_diacritics()
    {
        await fixture.Factory.WaitForSearchAsync();
        var html = await Client.GetStringAsync("/tim-kiem?q=bac+kan");
        Assert.Matches(@"Tìm thấy <strong>\d+</strong> kết quả", html);
        // Matched words are marked: compare the text without tags.
        Assert.Contains("tỉnh Bắc Kạn năm 2024", System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", ""));
        var garbage = await Client.GetAsync("/tim-kiem?q=" + Uri.EscapeDataString(new string('(', 5000)));
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
    }

    [Fact]
    public async Task Healthz_answers()
    {
        var response = await Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A JSON body of the checks since issue 19 (HealthTests covers the degraded cases).
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Manager_requires_login()
    {
        var response = await Client.GetAsync("/quan-tri/bai-viet");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/tai-khoan/dang-nhap", response.Headers.Location!.ToString());
    }
}
