using System.Net;
using System.Text.Json.Nodes;
using CchcPortal.Core.Data;
using CchcPortal.Tests.Unit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>The proof of work and its no-JavaScript alternative on the real submission form.</summary>
public class QuestionAntiSpamTests : IClassFixture<QuestionAntiSpamTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private readonly PortalFactory _factory;
    public QuestionAntiSpamTests(Fixture fixture) => _factory = fixture.Factory;

    private static Dictionary<string, string> Question(string title) => new()
    {
        ["Input.Kind"] = "Question", ["Input.Title"] = title,
        ["Input.Content"] = "Nội dung thử nghiệm chống thư rác: xin hỏi thủ tục cấp lại giấy khai sinh bản sao như thế nào?",
        ["Input.Name"] = "Đỗ Văn Kiểm", ["Input.Phone"] = "0905 111 222",
    };

    private async Task<int> CountAsync(string title)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.CountAsync(c => c.Title == title);
    }

    private static async Task<string> RefusedHtmlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_any_proof_the_form_is_refused_with_the_text_kept()
    {
        var client = _factory.Anonymous();
        var html = await RefusedHtmlAsync(await client.PostFormAsync(AltchaTestClient.SubmitUrl, Question("Câu hỏi không có bằng chứng chống thư rác")));
        Assert.Contains("Chưa xác minh chống thư rác", html);
        Assert.Contains("Câu hỏi không có bằng chứng chống thư rác", html);
        Assert.Contains("cấp lại giấy khai sinh bản sao", html);
        Assert.Contains("Đỗ Văn Kiểm", html); // the citizen's own form, kept for them
        Assert.Equal(0, await CountAsync("Câu hỏi không có bằng chứng chống thư rác"));
    }

    [Fact]
    public async Task A_tampered_signature_is_refused()
    {
        var client = _factory.Anonymous();
        var payload = AltchaTestClient.Decode(await client.SolvedAltchaAsync());
        var sig = (string)payload["signature"]!;
        payload["signature"] = (sig[0] == 'a' ? "b" : "a") + sig[1..];
        var fields = Question("Câu hỏi với chữ ký bị sửa đổi");
        fields["altcha"] = AltchaTestClient.Payload(payload);
        var html = await RefusedHtmlAsync(await client.PostFormAsync(AltchaTestClient.SubmitUrl, fields));
        Assert.Contains("Không kiểm tra được xác minh chống thư rác", html);
        Assert.Contains("Câu hỏi với chữ ký bị sửa đổi", html);
        Assert.Equal(0, await CountAsync("Câu hỏi với chữ ký bị sửa đổi"));
    }

    [Fact]
    public async Task An_expired_challenge_is_refused()
    {
        using var factory = new PortalFactory(); // its own clock, moved forward
        var client = factory.Anonymous();
        var solved = await client.SolvedAltchaAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(21));
        var fields = Question("Câu hỏi gửi khi thử thách đã hết hạn");
        fields["altcha"] = solved;
        var html = await RefusedHtmlAsync(await client.PostFormAsync(AltchaTestClient.SubmitUrl, fields));
        Assert.Contains("đã hết hạn", html);
        Assert.Contains("Câu hỏi gửi khi thử thách đã hết hạn", html);
    }

    [Fact]
    public async Task A_valid_solution_is_saved_once_and_its_replay_is_refused()
    {
        var client = _factory.Anonymous();
        var solved = await client.SolvedAltchaAsync();
        var first = Question("Câu hỏi hợp lệ rồi bị gửi lại lần nữa");
        first["altcha"] = solved;
        var ok = await client.FollowReceiptAsync(await client.PostFormAsync(AltchaTestClient.SubmitUrl, first));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("Mã hồ sơ", WebUtility.HtmlDecode(await ok.Content.ReadAsStringAsync()));

        var again = Question("Câu hỏi hợp lệ rồi bị gửi lại lần nữa");
        again["altcha"] = solved;
        var html = await RefusedHtmlAsync(await client.PostFormAsync(AltchaTestClient.SubmitUrl, again));
        Assert.Contains("đã được dùng", html);
        Assert.Equal(1, await CountAsync("Câu hỏi hợp lệ rồi bị gửi lại lần nữa"));
    }

    [Fact]
    public async Task The_challenge_endpoint_issues_fresh_uncached_altcha_challenges()
    {
        var client = _factory.Anonymous();
        var response = await client.GetAsync("/hoi-dap/thu-thach");
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var a = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var b = await client.ChallengeAsync();
        Assert.Equal("SHA-256", (string)a["algorithm"]!);
        Assert.Equal(AltchaTestClient.TestMaxNumber, (int)a["maxnumber"]!);
        Assert.NotEqual((string)a["salt"]!, (string)b["salt"]!);
        Assert.Contains("?expires=", (string)a["salt"]!);
    }

    [Fact]
    public async Task Without_javascript_the_printed_question_lets_a_person_through()
    {
        var client = _factory.Anonymous();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(AltchaTestClient.SubmitUrl));
        var question = page.QuerySelector("label[for=CheckAnswer]")!.TextContent;
        Assert.EndsWith("bằng bao nhiêu?", question);
        var answer = HumanQuestionParser.Answer(question);

        // A wrong answer: refused with the text kept and a new question printed.
        // The question and its token from the same page: each load prints a new one.
        var form = page.BrowserForm("main form")
            .With("Input.Kind", "Question").With("Input.Title", "Câu hỏi gửi từ trình duyệt không có JavaScript")
            .With("Input.Content", "Trình duyệt của tôi tắt JavaScript, xin hỏi thủ tục chứng thực bản sao ở xã?")
            .With("Input.Name", "Lò Thị Mai").With("Input.Phone", "0912 000 111");
        var wrong = await client.PostAsync(AltchaTestClient.SubmitUrl, new FormUrlEncodedContent(form.With("CheckAnswer", (answer + 1).ToString())));
        var wrongHtml = await RefusedHtmlAsync(wrong);
        Assert.Contains("Câu trả lời câu hỏi kiểm tra chưa đúng", wrongHtml);
        Assert.Contains("Trình duyệt của tôi tắt JavaScript", wrongHtml);
        Assert.Contains("href=\"#CheckAnswer\"", wrongHtml);

        // The token of the refused attempt is spent; the new printed question works.
        var refusedPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(wrongHtml);
        var newQuestion = refusedPage.QuerySelector("label[for=CheckAnswer]")!.TextContent;
        var newToken = refusedPage.QuerySelector("input[name=CheckToken]")!.GetAttribute("value")!;
        Assert.Equal("", refusedPage.QuerySelector("input[name=CheckAnswer]")!.GetAttribute("value"));
        var replay = await client.PostAsync(AltchaTestClient.SubmitUrl, new FormUrlEncodedContent(form.With("CheckAnswer", answer.ToString())));
        Assert.Contains("đã được dùng", await RefusedHtmlAsync(replay));

        var right = await client.FollowReceiptAsync(await client.PostAsync(AltchaTestClient.SubmitUrl, new FormUrlEncodedContent(
            form.With("CheckToken", newToken).With("CheckAnswer", HumanQuestionParser.Answer(newQuestion).ToString()))));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(1, await CountAsync("Câu hỏi gửi từ trình duyệt không có JavaScript"));
    }

    [Fact]
    public async Task Too_long_content_is_refused_with_the_text_kept()
    {
        var client = _factory.Anonymous();
        var fields = Question("Câu hỏi có nội dung quá dài");
        fields["Input.Content"] = "Nội dung rất dài. " + new string('x', 10_000);
        var html = await RefusedHtmlAsync(await client.PostQuestionAsync(fields));
        Assert.Contains("Nội dung không được dài quá", html);
        Assert.Contains("Nội dung rất dài. xxxx", html);
    }

    [Fact]
    public async Task The_rate_limit_page_on_the_question_form_gives_the_text_back()
    {
        using var factory = new PortalFactory();
        var client = factory.Anonymous();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 11; i++)
            last = await client.PostFormAsync(AltchaTestClient.SubmitUrl, Question("Câu hỏi <b>gửi liên tục</b> nhiều lần"));
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("60", last.Headers.RetryAfter!.ToString());
        var raw = await last.Content.ReadAsStringAsync();
        Assert.Contains("&lt;b&gt;gửi liên tục&lt;/b&gt;", raw); // encoded, not markup
        var html = WebUtility.HtmlDecode(raw);
        Assert.Contains("quá nhiều yêu cầu", html);
        Assert.Contains("chưa được gửi", html);
        Assert.Contains("cấp lại giấy khai sinh bản sao", html);
    }
}
