using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

public partial class QuestionSubmissionTests
{
    [GeneratedRegex(@"Mã hồ sơ: <strong class=""big-number"">(HD-\d{4}-\d{6})</strong>")] private static partial Regex CodePattern();
    [GeneratedRegex(@"Mã bí mật: <strong class=""big-number"">([0-9a-f]{16})</strong>")] private static partial Regex SecretPattern();

    private static Dictionary<string, string> Question(string title = "Hỏi về thủ tục đăng ký khai sinh cho con") => new()
    {
        ["Input.Kind"] = "Question", ["Input.Title"] = title,
        ["Input.Content"] = "Con tôi sinh ở bệnh viện tỉnh, tôi có thể đăng ký khai sinh trực tuyến không và cần giấy tờ gì?",
        ["Input.Name"] = "Nguyễn Thị Bình Minh", ["Input.Phone"] = "0912 345 678", ["Input.Email"] = "binhminh@example.vn",
        ["Input.Area"] = "Phường Buôn Ma Thuột", ["Input.ConsentToPublish"] = "true",
    };

    [Fact]
    public async Task The_area_is_not_in_the_private_group_and_the_form_says_it_is_public()
    {
        using var factory = new PortalFactory();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await factory.Anonymous().GetStringAsync("/hoi-dap/gui-cau-hoi"));
        var privateGroup = page.QuerySelectorAll("fieldset").Single(f => f.QuerySelector("legend")!.TextContent.Contains("không công khai"));
        Assert.NotNull(privateGroup.QuerySelector("[name='Input.Name']"));
        // The public answer page shows the area: it cannot sit under "không công khai".
        Assert.Null(privateGroup.QuerySelector("[name='Input.Area']"));
        var area = page.QuerySelector("[name='Input.Area']")!;
        var hint = page.GetElementById(area.GetAttribute("aria-describedby")!)!;
        Assert.Contains("Công khai cùng câu trả lời", hint.TextContent);
    }

    [Fact]
    public async Task A_question_is_saved_with_a_code_and_a_secret_that_only_together_open_it()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cchc-tests", Guid.NewGuid().ToString("N"));
        string code, secret;
        using (var factory = new PortalFactory(dataPath))
        {
            var client = factory.Anonymous();
            var response = await client.PostQuestionAsync(Question());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            code = CodePattern().Match(html).Groups[1].Value;
            secret = SecretPattern().Match(html).Groups[1].Value;
            Assert.Matches(@"^HD-\d{4}-000001$", code);
            Assert.Equal(16, secret.Length);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString());

            var wrong = await client.PostFormAsync("/hoi-dap/tra-cuu", new() { ["Code"] = code, ["Secret"] = "0000000000000000" });
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
            var wrongHtml = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
            Assert.Contains("Mã hồ sơ hoặc mã bí mật không đúng.", wrongHtml);
            Assert.DoesNotContain("khai sinh cho con", wrongHtml);
            Assert.DoesNotContain("Nguyễn Thị Bình Minh", wrongHtml);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // After a restart (the process gone right after the confirmation page), the case is still there.
        using (var restarted = new PortalFactory(dataPath))
        {
            var client = restarted.Anonymous();
            var right = await client.PostFormAsync("/hoi-dap/tra-cuu", new() { ["Code"] = code.ToLowerInvariant(), ["Secret"] = secret });
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
            var html = WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync());
            Assert.Contains("Hỏi về thủ tục đăng ký khai sinh cho con", html);
            Assert.Contains("Đã gửi, chờ tiếp nhận", html);
            // The next case gets the next number.
            var second = await client.PostQuestionAsync(Question("Hỏi thêm về lệ phí đăng ký khai sinh"));
            Assert.EndsWith("000002", CodePattern().Match(await second.Content.ReadAsStringAsync()).Groups[1].Value);

            // Personal data stays out of the public pages.
            foreach (var page in new[] { "/hoi-dap", "/", "/rss.xml", "/sitemap.xml", "/tim-kiem?q=khai+sinh" })
            {
                var text = await client.GetStringAsync(page);
                Assert.DoesNotContain("Bình Minh", text);
                Assert.DoesNotContain("0912 345 678", text);
                Assert.DoesNotContain("binhminh@example.vn", text);
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataPath, true); } catch (IOException) { }
    }

    [Fact]
    public async Task Honeypot_and_invalid_input_are_refused_in_vietnamese_with_the_text_kept()
    {
        using var factory = new PortalFactory();
        var client = factory.Anonymous();
        var bot = Question();
        bot["Website"] = "http://spam.example";
        var refused = await client.PostQuestionAsync(bot);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("có dấu hiệu gửi tự động", html);
        Assert.Contains("Con tôi sinh ở bệnh viện tỉnh", html);

        var noContact = Question();
        noContact["Input.Phone"] = "";
        noContact["Input.Email"] = "";
        var invalid = await client.PostQuestionAsync(noContact);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var invalidHtml = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng để lại số điện thoại hoặc thư điện tử", invalidHtml);
        Assert.Contains("Hỏi về thủ tục đăng ký khai sinh cho con", invalidHtml);

        using var scope = factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.CountAsync());
    }

    [Fact]
    public async Task Public_posts_are_rate_limited_with_a_clear_message()
    {
        using var factory = new PortalFactory();
        var client = factory.Anonymous();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 11; i++)
            last = await client.PostFormAsync("/hoi-dap/tra-cuu", new() { ["Code"] = "HD-2026-999999", ["Secret"] = "sai" });
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("quá nhiều yêu cầu", await last.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_operator_sets_the_public_post_limit()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string> { ["Portal:RateLimits:PublicPostsPerMinute"] = "3" });
        var client = factory.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.PostFormAsync("/hoi-dap/tra-cuu", new() { ["Code"] = "HD-2026-999999", ["Secret"] = "sai" })).StatusCode);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Fact]
    public async Task A_holiday_added_by_the_administrator_moves_the_next_deadline()
    {
        using var factory = new PortalFactory(); // fake clock: Thursday 26/11/2026
        var admin = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var added = await admin.PostFormAsync("/quan-tri/cai-dat/ngay-nghi?handler=Add", new() { ["Date"] = "2026-11-27", ["Name"] = "Ngày nghỉ thử nghiệm" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var again = await admin.PostFormAsync("/quan-tri/cai-dat/ngay-nghi?handler=Add", new() { ["Date"] = "2026-11-27", ["Name"] = "Lặp" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("đã có trong lịch nghỉ", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));

        await factory.Anonymous().PostQuestionAsync(Question());
        using var scope = factory.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync();
        Assert.Equal(new DateOnly(2026, 11, 30), saved.ModerationDue); // Friday is now a holiday, then the weekend
    }
}
