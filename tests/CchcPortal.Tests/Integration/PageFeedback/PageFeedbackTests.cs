using System.Net;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using CchcPortal.Core.PageFeedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.PageFeedback;

/// <summary>
/// "Trang này có hữu ích không?": the widget on cached public pages, the vote without JS, the note after "Không",
/// validation, the one-vote-per-device-per-page-per-day cookie and the refusal of cross-site posts.
/// </summary>
public sealed class PageFeedbackTests(PageFeedbackTests.Fixture fixture) : IClassFixture<PageFeedbackTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        // Many votes from one test address: the rate limit has its own test below.
        public PortalFactory Factory { get; } = new(seedProcedures: true, countQueries: true,
            settings: new Dictionary<string, string> { ["Portal:RateLimits:PublicPostsPerMinute"] = "10000" });
        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory F => fixture.Factory;

    private async Task<(int Id, string Path)> ProcedureAsync(string code = "1.001193")
    {
        using var scope = F.Services.CreateScope();
        var p = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Procedures.Where(p => p.Code == code).Select(p => new { p.Id, p.Slug }).SingleAsync();
        return (p.Id, $"/thu-tuc-hanh-chinh/{p.Slug}");
    }

    private async Task<List<PageVote>> VotesAsync(string path)
    {
        using var scope = F.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PageVote>().Where(v => v.Path == path).OrderBy(v => v.Id).ToListAsync();
    }

    private static Task<HttpResponseMessage> VoteAsync(HttpClient client, string path, string answer) =>
        client.PostAsync("/y-kien-trang", new FormUrlEncodedContent(new Dictionary<string, string> { ["duong-dan"] = path, ["huu-ich"] = answer }));

    private static string Widget(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("form[data-page-feedback]")?.OuterHtml ?? "";

    [Fact]
    public async Task Cached_pages_carry_the_same_widget_for_everyone_with_no_token_and_are_still_served_from_the_cache()
    {
        var (_, path) = await ProcedureAsync();
        var first = await F.Anonymous().GetStringAsync(path);
        var second = await F.Anonymous().GetStringAsync(path);
        Assert.Equal(0, F.Queries!.LastCount(path));
        var widget = Widget(first);
        Assert.Contains("Trang này có hữu ích không?", widget);
        Assert.Contains($"value=\"{path}\"", widget);
        Assert.DoesNotContain("__RequestVerificationToken", widget);
        Assert.Equal(widget, Widget(second));

        // The form as a browser without JS sends it, from the cached copy.
        var fields = new HtmlParser().ParseDocument(second).BrowserForm("form[data-page-feedback]").With("huu-ich", "co");
        var response = await F.Anonymous().PostAsync("/y-kien-trang", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith("/y-kien-trang/cam-on?phieu=", response.Headers.Location!.OriginalString);
        Assert.Contains(await VotesAsync(path), v => v.Helpful);
        await F.Anonymous().GetStringAsync(path);
        Assert.Equal(0, F.Queries!.LastCount(path));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tin-tuc")]
    [InlineData("/co-quan/so-tu-phap")]
    public async Task Public_pages_end_with_the_widget(string path) =>
        Assert.Contains($"value=\"{path}\"", Widget(await F.Anonymous().GetStringAsync(path)));

    [Theory]
    [InlineData("/tai-khoan/dang-nhap")]
    [InlineData("/loi/404")]
    [InlineData("/tim-kiem?q=khai+sinh")]
    public async Task Sign_in_error_and_search_pages_do_not_ask(string path)
    {
        var response = await F.Anonymous().GetAsync(path);
        Assert.Equal("", Widget(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_vote_without_js_then_what_was_missing_is_stored_per_procedure_masked_and_never_public()
    {
        var (id, path) = await ProcedureAsync("1.001193");
        var client = F.Anonymous();
        var today = DateOnly.FromDateTime(Core.Common.VnFormat.ToLocal(F.Clock.GetUtcNow().UtcDateTime));
        var vote = await VoteAsync(client, path, "khong");
        Assert.Equal(HttpStatusCode.SeeOther, vote.StatusCode);
        var thanksUrl = vote.Headers.Location!.OriginalString;
        var thanks = await client.GetAsync(thanksUrl);
        Assert.True(thanks.Headers.CacheControl?.NoStore);
        var thanksHtml = await thanks.Content.ReadAsStringAsync();
        Assert.Contains("Trang còn thiếu gì?", thanksHtml);
        Assert.Contains($"href=\"{path}\"", thanksHtml);

        const string note = "Thiếu mẫu tờ khai xyzmissingform, gọi tôi 0912 345 678";
        var sent = await client.PostFormAsync(thanksUrl, new() { ["gop-y"] = note }, thanksUrl);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Contains("Góp ý đã được gửi", await client.GetStringAsync(sent.Headers.Location!.OriginalString));

        var stored = Assert.Single(await VotesAsync(path), v => !v.Helpful);
        Assert.Equal((ContentKinds.Procedure, id, today), (stored.Kind, stored.ItemId!.Value, stored.Day));
        Assert.Contains("xyzmissingform", stored.Comment);
        Assert.DoesNotContain("0912", stored.Comment);
        Assert.Contains("[đã ẩn số điện thoại]", stored.Comment);

        // A second note for the same vote is refused; the note is on no public page.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostFormAsync(thanksUrl, new() { ["gop-y"] = "Thêm một góp ý nữa" }, thanksUrl)).StatusCode);
        Assert.DoesNotContain("xyzmissingform", await F.Anonymous().GetStringAsync(path));
    }

    [Theory]
    [InlineData("https://evil.example/", "co", FeedbackPath.InvalidMessage)]
    [InlineData("//evil.example/x", "co", FeedbackPath.InvalidMessage)]
    [InlineData("/quan-tri/tin-tuc", "khong", FeedbackPath.InvalidMessage)]
    [InlineData("/tin-tuc/<script>", "co", FeedbackPath.InvalidMessage)]
    [InlineData("/thu-tuc-hanh-chinh/khong-co-thu-tuc-nay", "co", PageFeedbackService.NoPageMessage)]
    [InlineData("/tin-tuc", "", "Vui lòng chọn “Có” hoặc “Không”.")]
    [InlineData("/tin-tuc", "maybe", "Vui lòng chọn “Có” hoặc “Không”.")]
    public async Task A_bad_vote_gets_422_with_a_vietnamese_message_and_stores_nothing(string path, string answer, string message)
    {
        using var scope = F.Services.CreateScope();
        var votes = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PageVote>();
        var before = await votes.CountAsync();
        var response = await VoteAsync(F.Anonymous(), path, answer);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("<script>", html);
        Assert.Equal(before, await votes.CountAsync());
    }

    [Fact]
    public async Task A_bad_note_gets_422_keeps_the_text_and_stores_nothing()
    {
        var client = F.Anonymous();
        var thanksUrl = (await VoteAsync(client, "/van-ban", "khong")).Headers.Location!.OriginalString;
        var tooLong = new string('a', PageFeedbackService.MaxComment) + " thừa";
        var response = await client.PostFormAsync(thanksUrl, new() { ["gop-y"] = tooLong }, thanksUrl);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Góp ý không được dài quá 500 ký tự.", html);
        Assert.Contains(tooLong, html);

        response = await client.PostFormAsync(thanksUrl, new() { ["gop-y"] = "Xem thêm tại https://spam.example <b>ngay</b>" }, thanksUrl);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        html = await response.Content.ReadAsStringAsync();
        Assert.Contains("không được chứa đường dẫn", html);
        Assert.DoesNotContain("<b>ngay</b>", html);
        Assert.Null(Assert.Single(await VotesAsync("/van-ban")).Comment);

        // A forged ticket is worth nothing.
        var forged = await client.PostFormAsync("/y-kien-trang/cam-on?phieu=abc", new() { ["gop-y"] = "Thiếu biểu mẫu" }, thanksUrl);
        Assert.Equal(HttpStatusCode.Gone, forged.StatusCode);
    }

    [Fact]
    public async Task One_vote_per_device_per_page_per_day()
    {
        const string path = "/hoi-dap";
        var device = F.Anonymous();
        Assert.Equal(HttpStatusCode.SeeOther, (await VoteAsync(device, path, "co")).StatusCode);
        var again = await VoteAsync(device, path, "khong");
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Contains("Hôm nay bạn đã cho ý kiến về trang này", await device.GetStringAsync(again.Headers.Location!.OriginalString));
        Assert.Single(await VotesAsync(path));

        await VoteAsync(device, "/hoi-dap/da-tra-loi", "co");          // another page: counted
        await VoteAsync(F.Anonymous(), path, "khong");                 // another device: counted
        Assert.Equal(2, (await VotesAsync(path)).Count);
        F.Clock.Advance(TimeSpan.FromDays(1));                         // the next day: counted again
        await VoteAsync(device, path, "khong");
        Assert.Equal(3, (await VotesAsync(path)).Count);
        Assert.Single(await VotesAsync("/hoi-dap/da-tra-loi"));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site", HttpStatusCode.Forbidden)]
    [InlineData("Sec-Fetch-Site", "same-site", HttpStatusCode.Forbidden)]
    [InlineData("Origin", "https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("Origin", "null", HttpStatusCode.Forbidden)]
    [InlineData("Sec-Fetch-Site", "same-origin", HttpStatusCode.SeeOther)]
    [InlineData("Origin", "http://localhost", HttpStatusCode.SeeOther)]
    public async Task Cross_site_votes_are_refused(string header, string value, HttpStatusCode expected)
    {
        var path = $"/chi-so-cchc/{(expected == HttpStatusCode.SeeOther ? "gioi-thieu" : "so-sanh")}";
        var request = new HttpRequestMessage(HttpMethod.Post, "/y-kien-trang")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["duong-dan"] = path, ["huu-ich"] = "khong" }),
        };
        request.Headers.TryAddWithoutValidation(header, value);
        Assert.Equal(expected, (await F.Anonymous().SendAsync(request)).StatusCode);
        if (expected == HttpStatusCode.Forbidden) Assert.Empty(await VotesAsync(path));
    }
}

/// <summary>The vote goes through the public-POST rate limit (per address, a minute).</summary>
public sealed class PageFeedbackRateLimitTests
{
    [Fact]
    public async Task Votes_past_the_public_post_limit_get_429()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string> { ["Portal:RateLimits:PublicPostsPerMinute"] = "2" });
        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/", "/tin-tuc", "/van-ban" })
            statuses.Add((await factory.Anonymous().PostAsync("/y-kien-trang",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["duong-dan"] = path, ["huu-ich"] = "co" }))).StatusCode);
        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests], statuses);
    }
}
