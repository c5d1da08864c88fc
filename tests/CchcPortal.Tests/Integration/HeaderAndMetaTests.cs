using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using CchcPortal.Core.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// Issue 20: the compact header works without JS (a details element holding the navigation and the search), the
/// labelled CCHC hotline, the icons and the web app manifest, and a meta description on every public template.
/// </summary>
public partial class HeaderAndMetaTests(HeaderAndMetaTests.Fixture fixture) : IClassFixture<HeaderAndMetaTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public PortalFactory Factory { get; } = new(seedProcedures: true);
        public const string Article = "/tin-tuc/mot-cua-dien-tu-cap-xa";
        public const string ArticleImage = "/media/2026/11/mot-cua.jpg";
        public const string Answer = "/hoi-dap/cau-hoi/HD-2026-000001";
        public string Episode { get; private set; } = "";
        public string CategorySlug { get; private set; } = "";

        /// <summary>A published post with a tag and a cover image, a published answer and a published episode.</summary>
        public async Task InitializeAsync()
        {
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = Factory.Clock.GetUtcNow().UtcDateTime;
            var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
            CategorySlug = category.Slug;
            var post = new Post
            {
                Title = "Một cửa điện tử cấp xã", Slug = "mot-cua-dien-tu-cap-xa", Summary = "Bộ phận một cửa cấp xã nhận hồ sơ điện tử.",
                BodyHtml = "<p>Nội dung.</p>", CategoryId = category.Id, Status = PublicationStatus.Published, PublishedAt = now.AddDays(-1),
                FeaturedImage = ArticleImage, FeaturedImageAlt = "Bộ phận một cửa",
                AuthorName = "Biên tập viên", CreatedAt = now.AddDays(-1), UpdatedAt = now.AddDays(-1),
            };
            post.Tags.Add(new Tag { Name = "Một cửa", Slug = "mot-cua" });
            db.Posts.Add(post);
            var agency = await db.Agencies.FirstAsync(a => a.Slug == "so-tu-phap");
            db.QuestionCases.Add(new QuestionCase
            {
                Code = "HD-2026-000001", SecretHash = "x", Kind = CaseKind.Question, AgencyId = agency.Id, Title = "Hỏi về chứng thực bản sao",
                Content = "Tôi là Nguyễn Văn A, xin hỏi chứng thực bản sao giấy khai sinh ở đâu?",
                PublicContent = "Xin hỏi chứng thực bản sao giấy khai sinh ở đâu?", SubmitterName = "Nguyễn Văn A", SubmitterPhone = "0912345678",
                ConsentToPublish = true, IsPublished = true, Channel = "web", Status = CaseStatus.Answered,
                SubmittedAt = now.AddDays(-10), ModerationDue = DateOnly.FromDateTime(now.AddDays(-9)), AnsweredAt = now.AddDays(-2),
                AnswerHtml = "<p>Trả lời.</p>", SignedBy = "Giám đốc Sở Tư pháp",
            });
            var episode = new ProgrammeEpisode { AiredOn = new DateOnly(2026, 11, 20), Topic = "Cấp giấy chứng nhận quyền sử dụng đất", IsPublished = true, UpdatedAt = now };
            db.ProgrammeEpisodes.Add(episode);
            await db.SaveChangesAsync();
            Episode = $"/hoi-dap/chuong-trinh/{episode.Id}/cap-giay-chung-nhan-quyen-su-dung-dat";
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private HttpClient Client => fixture.Factory.Anonymous();

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("""href="(/thu-tuc-hanh-chinh/[^"?#/]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex ProcedureLink();

    [GeneratedRegex("""href="(/van-ban/[^"?#/]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex DocumentLink();

    [GeneratedRegex("""href="(/chi-so-cchc/[A-Za-z0-9_-]+/\d{4})" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex RankingLink();

    [GeneratedRegex("""href="(/chi-so-cchc/don-vi/[^"?#/]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex SubjectLink();

    private async Task<string> FirstLinkAsync(string page, Regex link)
    {
        var match = link.Match(await Client.GetStringAsync(page));
        Assert.True(match.Success, $"{page} links no page of the kind");
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task The_header_is_one_line_on_a_phone_and_its_menu_works_without_javascript()
    {
        var response = await Client.GetAsync("/tin-tuc");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await ParseAsync(response);
        var header = doc.QuerySelector("header.site-header")!;
        Assert.Equal("CCHC Đắk Lắk", header.QuerySelector(".brand .brand-short")!.TextContent.Trim());
        Assert.Equal("Ủy ban nhân dân tỉnh Đắk Lắk", header.QuerySelector(".brand .brand-unit")!.TextContent.Trim());

        // The menu is a details element: the browser opens it without any script; the ten links are in its HTML.
        var menu = header.QuerySelector("details.site-menu")!;
        Assert.Equal("Menu", menu.Children.Single(c => c.LocalName == "summary").TextContent.Trim());
        var links = menu.QuerySelectorAll("nav.main-nav[aria-label] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/tin-tuc", "/thu-tuc-hanh-chinh", "/duong-day-nong", "/chi-so-cchc", "/hoi-dap", "/cuoc-thi", "/van-ban", "/ke-hoach-tuyen-truyen", "/gioi-thieu"], links);
        Assert.Equal("page", menu.QuerySelector("a[href='/tin-tuc']")!.GetAttribute("aria-current"));
        var search = menu.QuerySelector("form.site-search[role=search]")!;
        Assert.Equal("/tim-kiem", search.GetAttribute("action"));
        Assert.NotNull(search.QuerySelector("label[for=site-search-q]"));

        // Beside the menu button: a search link (the search page without JS) and a labelled call link.
        Assert.Equal("/tim-kiem", header.QuerySelector("a.header-search-link")!.GetAttribute("href"));
        Assert.Equal("Tìm kiếm", header.QuerySelector("a.header-search-link")!.TextContent.Trim());
        var call = header.QuerySelector("a.header-call")!;
        Assert.StartsWith("tel:+84", call.GetAttribute("href"));
        Assert.StartsWith("Gọi đường dây nóng CCHC ", call.TextContent.Trim());
        Assert.Contains("Đường dây nóng CCHC", menu.QuerySelector(".menu-hotline a[href^='tel:']")!.TextContent);
        Assert.Equal(call.GetAttribute("href"), menu.QuerySelector(".menu-hotline a")!.GetAttribute("href"));

        // The skip link still comes first and the main landmark is its target.
        Assert.Equal("#noi-dung", doc.Body!.FirstElementChild!.GetAttribute("href"));
        Assert.NotNull(doc.QuerySelector("main#noi-dung"));
    }

    [Fact]
    public async Task Favicon_icons_and_manifest_are_served_with_their_types_and_kept_by_browsers()
    {
        var favicon = await Client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
        Assert.Equal("image/x-icon", favicon.Content.Headers.ContentType?.MediaType);
        Assert.True(favicon.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(7), $"favicon Cache-Control: {favicon.Headers.CacheControl}");
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, (await favicon.Content.ReadAsByteArrayAsync())[..4]);

        var doc = await ParseAsync(await Client.GetAsync("/"));
        string Href(string rel, string? type = null) =>
            doc.QuerySelectorAll($"head link[rel='{rel}']").Single(l => type is null || l.GetAttribute("type") == type).GetAttribute("href")!;
        Assert.Equal("/favicon.ico", doc.QuerySelectorAll("head link[rel=icon]").First().GetAttribute("href"));
        var svg = await Client.GetAsync(Href("icon", "image/svg+xml"));
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", svg.Headers.CacheControl?.ToString());
        var apple = await Client.GetAsync(Href("apple-touch-icon"));
        Assert.Equal("image/png", apple.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", apple.Headers.CacheControl?.ToString());
        Assert.Equal((180, 180), PngSize(await apple.Content.ReadAsByteArrayAsync()));

        var manifestPath = Href("manifest");
        Assert.Equal("/manifest.webmanifest", manifestPath);
        var manifest = await Client.GetAsync(manifestPath);
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        Assert.True(manifest.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(1), $"manifest Cache-Control: {manifest.Headers.CacheControl}");
        using var json = JsonDocument.Parse(await manifest.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("Cổng thông tin cải cách hành chính - Ủy ban nhân dân tỉnh Đắk Lắk", root.GetProperty("name").GetString());
        Assert.Equal("CCHC Đắk Lắk", root.GetProperty("short_name").GetString());
        Assert.Equal("#8e1b1b", root.GetProperty("theme_color").GetString());
        Assert.Equal("#ffffff", root.GetProperty("background_color").GetString());
        Assert.Equal("/", root.GetProperty("start_url").GetString());
        Assert.Equal("vi", root.GetProperty("lang").GetString());
        Assert.Equal("minimal-ui", root.GetProperty("display").GetString());
        var pngSizes = new List<string>();
        foreach (var icon in root.GetProperty("icons").EnumerateArray())
        {
            var file = await Client.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(icon.GetProperty("type").GetString(), file.Content.Headers.ContentType?.MediaType);
            if (icon.GetProperty("type").GetString() != "image/png") continue;
            var (width, height) = PngSize(await file.Content.ReadAsByteArrayAsync());
            Assert.Equal(icon.GetProperty("sizes").GetString(), $"{width}x{height}");
            pngSizes.Add($"{width}x{height}");
        }
        Assert.Equal(["192x192", "512x512"], pngSizes);
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)),
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public async Task Every_public_template_has_its_own_meta_description_and_an_open_graph_image()
    {
        var templates = new List<string>
        {
            "/", "/tin-tuc", Fixture.Article, $"/tin-tuc/chuyen-muc/{fixture.CategorySlug}", "/tin-tuc/the/mot-cua",
            "/thu-tuc-hanh-chinh", await FirstLinkAsync("/thu-tuc-hanh-chinh", ProcedureLink()),
            "/hoi-dap", "/hoi-dap/gui-cau-hoi", "/hoi-dap/da-tra-loi", Fixture.Answer, "/hoi-dap/thong-ke", "/hoi-dap/tra-cuu",
            "/hoi-dap/chuong-trinh", fixture.Episode,
            "/duong-day-nong", "/co-quan/so-tu-phap", "/en/contacts",
            "/van-ban", await FirstLinkAsync("/van-ban", DocumentLink()),
            (await Client.GetAsync("/ke-hoach-tuyen-truyen")).Headers.Location!.OriginalString, // the latest year's plan
            "/chi-so-cchc", "/chi-so-cchc/gioi-thieu", "/chi-so-cchc/so-sanh",
            await FirstLinkAsync("/chi-so-cchc", RankingLink()), await FirstLinkAsync("/chi-so-cchc", SubjectLink()),
            "/tim-kiem", "/tim-kiem?q=khai+sinh", "/gioi-thieu", "/khong-co-trang-nay",
        };
        var descriptions = new Dictionary<string, string>();
        var problems = new List<string>();
        foreach (var url in templates)
        {
            var response = await Client.GetAsync(url);
            var expected = url == "/khong-co-trang-nay" ? HttpStatusCode.NotFound : HttpStatusCode.OK;
            if (response.StatusCode != expected) { problems.Add($"{url}: {(int)response.StatusCode}"); continue; }
            var doc = await ParseAsync(response);
            var description = doc.QuerySelector("head meta[name=description]")?.GetAttribute("content") ?? "";
            if (description.Trim().Length < 20) problems.Add($"{url}: description “{description}”");
            // The layout's stand-in (the unit's name) is for pages that set none: every template here sets its own.
            if (description.StartsWith("Cổng thông tin cải cách hành chính của ", StringComparison.Ordinal)) problems.Add($"{url}: the layout's stand-in");
            if (doc.QuerySelector("head meta[property='og:description']")?.GetAttribute("content") != description) problems.Add($"{url}: og:description differs");
            if (doc.QuerySelector("head meta[property='og:image']")?.GetAttribute("content") is not { } image || !image.StartsWith("http", StringComparison.Ordinal))
                problems.Add($"{url}: no absolute og:image");
            descriptions[url] = description;
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // One description per template (the two search addresses share theirs).
        var shared = descriptions.Where(d => !d.Key.StartsWith("/tim-kiem", StringComparison.Ordinal))
            .GroupBy(d => d.Value).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(d => d.Key))).ToList();
        Assert.True(shared.Count == 0, "Shared descriptions: " + string.Join("; ", shared));

        // The answer's description is its published question and who answered; never the asker.
        var answer = descriptions[Fixture.Answer];
        Assert.StartsWith("Xin hỏi chứng thực bản sao giấy khai sinh ở đâu? Trả lời của Sở Tư pháp", answer);
        Assert.DoesNotContain("Nguyễn Văn A", answer);
        Assert.DoesNotContain("0912345678", answer);
        // The article shares its cover image; pages without one share the portal's icon.
        var article = await ParseAsync(await Client.GetAsync(Fixture.Article));
        Assert.EndsWith(Fixture.ArticleImage, article.QuerySelector("head meta[property='og:image']")!.GetAttribute("content"));
        var hotlines = await ParseAsync(await Client.GetAsync("/duong-day-nong"));
        Assert.EndsWith("/icons/icon-512.png", hotlines.QuerySelector("head meta[property='og:image']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task The_settings_page_asks_for_the_cchc_hotline_and_a_change_reaches_the_header_and_the_manifest()
    {
        using var factory = new PortalFactory();
        var visitor = factory.Anonymous();
        var admin = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var form = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/cai-dat"));
        Assert.Contains("Đường dây nóng cải cách hành chính (CCHC)", form);
        Assert.Contains("Không nhập ở đây số của chương trình “Dân hỏi – Thủ trưởng trả lời”", form);

        // Cached first, so the change has to evict them.
        Assert.Equal("CCHC Đắk Lắk", JsonDocument.Parse(await visitor.GetStringAsync("/manifest.webmanifest")).RootElement.GetProperty("short_name").GetString());
        Assert.Contains("CCHC Đắk Lắk", await visitor.GetStringAsync("/hoi-dap"));
        var saved = await admin.PostFormAsync("/quan-tri/cai-dat", new()
        {
            ["Input.SiteName"] = "Cổng thông tin cải cách hành chính", ["Input.UnitName"] = "Ủy ban nhân dân tỉnh Bắc Kạn",
            ["Input.Hotline"] = "0209.3870111", ["Input.IndexSubjectName"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var manifest = JsonDocument.Parse(await visitor.GetStringAsync("/manifest.webmanifest")).RootElement;
        Assert.Equal("CCHC Bắc Kạn", manifest.GetProperty("short_name").GetString());
        var doc = await ParseAsync(await visitor.GetAsync("/hoi-dap"));
        Assert.Equal("CCHC Bắc Kạn", doc.QuerySelector(".brand-short")!.TextContent.Trim());
        Assert.Equal("tel:+842093870111", doc.QuerySelector("a.header-call")!.GetAttribute("href"));
        // The accessible name (the visually hidden label) and, on a desktop, the number shown beside the icon.
        Assert.Equal("Gọi đường dây nóng CCHC 0209.3870111", doc.QuerySelector("a.header-call .visually-hidden")!.TextContent.Trim());
        Assert.Equal("0209.3870111", doc.QuerySelector("a.header-call .header-call-number")!.TextContent.Trim());
    }
}
