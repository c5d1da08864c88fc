using System.Net;
using System.Text;
using System.Xml.Linq;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using CchcPortal.Core.Questions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CchcPortal.Tests.Integration;

/// <summary>Characters that have no place in text (non-characters, controls, NUL) never break a page, a feed or a form.</summary>
public class HostileTextTests
{
    private const string NonCharacter = "%EF%BF%BE"; // U+FFFE

    [Fact]
    public async Task A_non_character_in_a_query_or_filter_answers_200()
    {
        using var factory = new PortalFactory();
        var client = factory.Anonymous();
        const string x = NonCharacter;
        string[] urls =
        [
            $"/tim-kiem?q={x}", $"/tim-kiem?q=khai+sinh{x}&linh-vuc={x}&co-quan={x}", $"/tim-kiem?q=%00%E2%80%AEkhai+sinh",
            $"/api/search?q={x}", $"/api/search/suggest?q=kh{x}ai", $"/hoi-dap/goi-y?q={x}", $"/hoi-dap/goi-y?q=khai+sinh+cho+con{x}",
            $"/thu-tuc-hanh-chinh?q={x}&linh-vuc={x}&cap={x}&doi-tuong={x}", $"/van-ban?q={x}&loai={x}&co-quan={x}&linh-vuc={x}",
            $"/hoi-dap/da-tra-loi?linh-vuc={x}", $"/duong-day-nong?q={x}",
        ];
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Feeds_and_sitemap_stay_well_formed_when_stored_text_holds_control_characters()
    {
        using var factory = new PortalFactory();
        // Old data, stored before input was cleaned: a news post and a published answer holding U+0008 and other
        // characters XML cannot carry.
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
            var agency = await db.Agencies.OrderBy(a => a.Id).FirstAsync();
            db.Posts.Add(new Post
            {
                Title = "Tin\b cũ về cải cách hành chính", Slug = "tin-cu\b", Summary = "Tóm\u0001 tắt\uFFFE", BodyHtml = "<p>Nội dung</p>",
                CategoryId = category.Id, Status = PublicationStatus.Published, PublishedAt = now.AddDays(-1), CreatedAt = now, UpdatedAt = now,
            });
            db.QuestionCases.Add(new QuestionCase
            {
                Code = "HD-2026-000900", Kind = CaseKind.Question, AgencyId = agency.Id, Title = "Hỏi\b về khai sinh cho con",
                Content = "Nội dung\0 câu hỏi", PublicContent = "Nội dung câu hỏi", AnswerHtml = "<p>Trả lời\u0008 \uD800của sở</p>",
                SignedBy = "Giám đốc", Status = CaseStatus.Answered, IsPublished = true, SubmittedAt = now.AddDays(-3), AnsweredAt = now.AddDays(-1),
            });
            await db.SaveChangesAsync();
        }
        var client = factory.Anonymous();
        var feeds = new Dictionary<string, XDocument>();
        foreach (var url in new[] { "/hoi-dap/rss.xml", "/rss.xml", "/sitemap.xml" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            feeds[url] = XDocument.Parse(await response.Content.ReadAsStringAsync());
        }
        Assert.Equal("Hỏi về khai sinh cho con", feeds["/hoi-dap/rss.xml"].Descendants("item").Single().Element("title")!.Value);
        Assert.Contains(feeds["/rss.xml"].Descendants("item"), i => i.Element("title")!.Value == "Tin cũ về cải cách hành chính");
        Assert.Contains(feeds["/sitemap.xml"].Descendants(), e => e.Name.LocalName == "loc" && e.Value.EndsWith("/tin-tuc/tin-cu"));
    }

    [Fact]
    public async Task A_NUL_in_a_form_post_answers_400_in_vietnamese_without_a_stack_trace()
    {
        using var portal = new PortalFactory();
        var logs = new WarningLog();
        using var factory = portal.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await client.AntiforgeryTokenAsync("/tai-khoan/dang-nhap");
        var body = $"Email=admin%00%40test.local&Password=sai&__RequestVerificationToken={Uri.EscapeDataString(token)}";
        var response = await client.PostAsync("/tai-khoan/dang-nhap", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Yêu cầu không hợp lệ", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain(" at ", html.Replace("\n", " "), StringComparison.Ordinal);
        Assert.Contains(logs.Warnings, w => w.Contains("NUL") && w.Contains("/tai-khoan/dang-nhap"));

        // The same form without the NUL is read as usual.
        token = await client.AntiforgeryTokenAsync("/tai-khoan/dang-nhap");
        var clean = await client.PostAsync("/tai-khoan/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = PortalFactory.AdminEmail, ["Password"] = PortalFactory.AdminPassword, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, clean.StatusCode);
    }

    private sealed class WarningLog : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Warnings { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(WarningLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) log.Warnings.Enqueue(formatter(state, exception));
            }
        }
    }

    [Fact]
    public async Task A_NUL_in_a_question_is_dropped_and_the_rest_of_the_text_saved()
    {
        using var factory = new PortalFactory();
        var client = factory.Anonymous();
        Dictionary<string, string> Question() => new()
        {
            ["Input.Kind"] = "Question", ["Input.Title"] = "Hỏi về\0 đăng ký khai sinh\u202E cho con",
            ["Input.Content"] = "Con tôi sinh ở bệnh viện\0 tỉnh,\r\ntôi có thể đăng ký\b khai sinh trực tuyến không?",
            ["Input.Name"] = "Nguyễn Thị\0 Bình", ["Input.Phone"] = "0912 345 678", ["Input.Email"] = "binh\0@example.vn",
            ["Input.Area"] = "Phường Buôn Ma Thuột", ["Input.ConsentToPublish"] = "true",
        };
        // Url-encoded (%00), as the tests post it, and multipart (a raw NUL), as a browser posts this form.
        Assert.Equal(HttpStatusCode.OK, (await client.PostQuestionAsync(Question())).StatusCode);
        var fields = Question();
        fields["altcha"] = await client.SolvedAltchaAsync();
        fields["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync(AltchaTestClient.SubmitUrl);
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields) multipart.Add(new StringContent(value), name);
        Assert.Equal(HttpStatusCode.OK, (await client.FollowReceiptAsync(await client.PostAsync(AltchaTestClient.SubmitUrl, multipart))).StatusCode);

        using var scope = factory.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.ToListAsync();
        Assert.Equal(2, saved.Count);
        Assert.All(saved, c =>
        {
            Assert.Equal("Hỏi về đăng ký khai sinh cho con", c.Title);
            Assert.Equal("Con tôi sinh ở bệnh viện tỉnh,\ntôi có thể đăng ký khai sinh trực tuyến không?", c.Content);
            Assert.Equal("Nguyễn Thị Bình", c.SubmitterName);
            Assert.Equal("binh@example.vn", c.SubmitterEmail);
        });
    }
}
