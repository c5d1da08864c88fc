using System.Net;
using System.Xml.Linq;

namespace CchcPortal.Tests.Integration;

public class PublicSiteTests(PublicSiteTests.Fixture fixture) : IClassFixture<PublicSiteTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private HttpClient Client => fixture.Factory.Anonymous();

    [Fact]
    public async Task Home_lists_the_seeded_plans()
    {
        var response = await Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Kế hoạch tuyên truyền công tác cải cách hành chính tỉnh Bắc Kạn năm 2024", html);
        Assert.Contains("Quyết định ban hành Kế hoạch tuyên truyền cải cách hành chính Nhà nước năm 2021 trên địa bàn tỉnh Đắk Lắk", html);
        Assert.Contains("lang=\"vi\"", html);
        Assert.Contains("href=\"tel:+842628552255\"", html);
        Assert.Contains("Văn bản mới", html);
        Assert.Contains("Kế hoạch số 37/KH-UBND", html);
    }

    [Fact]
    public async Task Seeded_plan_is_rendered_from_markdown()
    {
        var html = await Client.GetStringAsync("/tin-tuc/ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nha-nuoc-nam-2021-tinh-dak-lak");
        Assert.Contains("<li>", html);
        Assert.Contains("<strong>", html);
        Assert.Contains("0262.8552255", html);
        Assert.Contains("Văn bản chỉ đạo, điều hành", html);
        Assert.Contains("property=\"og:type\" content=\"article\"", html);
    }

    [Fact]
    public async Task Category_tag_and_paging_pages_render()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/tin-tuc/chuyen-muc/van-ban-chi-dao-dieu-hanh")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/tin-tuc/the/ke-hoach-tuyen-truyen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/tin-tuc/chuyen-muc/khong-co")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/tin-tuc?trang=99")).StatusCode);
    }

    [Fact]
    public async Task Print_view_has_no_navigation_and_no_script()
    {
        var html = await Client.GetStringAsync("/tin-tuc/ke-hoach-tuyen-truyen-cong-tac-cai-cach-hanh-chinh-tinh-bac-kan-nam-2024/ban-in");
        Assert.Contains("Bắc Kạn", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<nav", html);
    }

    [Fact]
    public async Task Rss_is_valid_xml_with_the_seeded_items()
    {
        var response = await Client.GetAsync("/rss.xml");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = doc.Descendants("item").ToList();
        Assert.Equal(5, items.Count);
        Assert.All(items, i => Assert.StartsWith("http", i.Element("link")!.Value));
        var category = XDocument.Parse(await Client.GetStringAsync("/tin-tuc/chuyen-muc/van-ban-chi-dao-dieu-hanh/rss.xml"));
        Assert.Equal(5, category.Descendants("item").Count());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/tin-tuc/chuyen-muc/khong-co/rss.xml")).StatusCode);
    }

    [Fact]
    public async Task Sitemap_and_robots()
    {
        var doc = XDocument.Parse(await Client.GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = doc.Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains(locs, l => l.EndsWith("/tin-tuc/ke-hoach-tuyen-truyen-cong-tac-cai-cach-hanh-chinh-tinh-bac-kan-nam-2024"));
        Assert.Contains(locs, l => l.EndsWith("/gioi-thieu"));
        Assert.Equal(5, locs.Count(l => l.Contains("/van-ban/")));
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
    public async Task Theme_assets_are_served_with_versioned_immutable_urls()
    {
        var html = await Client.GetStringAsync("/");
        var match = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/_content/CchcPortal.Themes.Default/css/site.css\\?v=[^\"]+)\"");
        Assert.True(match.Success, "the layout links a versioned stylesheet");
        var css = await Client.GetAsync(match.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Healthz_answers()
    {
        var response = await Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Manager_requires_login()
    {
        var response = await Client.GetAsync("/quan-tri/bai-viet");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/tai-khoan/dang-nhap", response.Headers.Location!.ToString());
    }
}
