using System.Net;
using System.Text.RegularExpressions;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// The question form's post/redirect/get: a saved question sends the browser to a receipt that survives a reload,
/// is readable only with the receipt cookie, and is never stored by a cache; a refused form says what changed.
/// </summary>
public class QuestionReceiptTests
{
    private static Dictionary<string, string> Question(string title) => new()
    {
        ["Input.Kind"] = "RegulationFeedback", ["Input.Title"] = title,
        ["Input.Content"] = "Đề nghị cho phép nộp bản chụp giấy tờ thay cho bản sao chứng thực khi làm thủ tục trực tuyến.",
        ["Input.Name"] = "Hoàng Văn Sơn", ["Input.Phone"] = "0913 222 444",
    };

    [Fact]
    public async Task A_saved_question_redirects_to_a_receipt_that_survives_a_reload_and_only_this_browser_reads()
    {
        using var factory = new PortalFactory();
        var citizen = factory.Anonymous();
        var fields = Question("Kiến nghị bỏ bản sao chứng thực khi nộp hồ sơ trực tuyến");
        fields["altcha"] = await citizen.SolvedAltchaAsync();
        var posted = await citizen.PostFormAsync(AltchaTestClient.SubmitUrl, fields);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal("/hoi-dap/bien-nhan", posted.Headers.Location?.ToString());
        var cookie = Assert.Single(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".CchcPortal.Receipt=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("path=/hoi-dap/bien-nhan", cookie);

        string? code = null, secret = null;
        for (var reload = 0; reload < 2; reload++)
        {
            var receipt = await citizen.GetAsync("/hoi-dap/bien-nhan");
            Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
            Assert.Contains("no-store", receipt.Headers.CacheControl?.ToString());
            var html = WebUtility.HtmlDecode(await receipt.Content.ReadAsStringAsync());
            var shownCode = Regex.Match(html, @"Mã hồ sơ: <strong class=""big-number"">(HD-\d{4}-\d{6})</strong>").Groups[1].Value;
            var shownSecret = Regex.Match(html, @"Mã bí mật: <strong class=""big-number"">([0-9a-f]{16})</strong>").Groups[1].Value;
            Assert.Matches(@"^HD-\d{4}-\d{6}$", shownCode);
            Assert.Equal(16, shownSecret.Length);
            Assert.Equal(code ?? shownCode, shownCode);
            Assert.Equal(secret ?? shownSecret, shownSecret);
            (code, secret) = (shownCode, shownSecret);
            Assert.Contains("Phản ánh, kiến nghị về quy định hành chính", html);
            Assert.Contains("Kiến nghị bỏ bản sao chứng thực khi nộp hồ sơ trực tuyến", html);
            Assert.Contains("thay cho bản sao chứng thực khi làm thủ tục trực tuyến", html);
            Assert.Contains("27/11/2026", html); // the moderation deadline the case got (fake clock: Thursday 26/11/2026)
            Assert.Contains("không khai thư điện tử", html);
            Assert.Contains("href=\"/hoi-dap/tra-cuu\"", html);
        }
        Assert.DoesNotContain(secret!, posted.Headers.Location!.ToString());

        // The code and secret shown open the case on the tracking page.
        var tracked = await citizen.PostFormAsync("/hoi-dap/tra-cuu", new() { ["Code"] = code!, ["Secret"] = secret! });
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);

        // Another browser, or a forged cookie, gets a plain Vietnamese page pointing to tracking: no code, no secret.
        var stranger = await factory.Anonymous().GetAsync("/hoi-dap/bien-nhan");
        var forgedRequest = new HttpRequestMessage(HttpMethod.Get, "/hoi-dap/bien-nhan");
        forgedRequest.Headers.Add("Cookie", ".CchcPortal.Receipt=CfDJ8-not-a-receipt");
        var forged = await factory.Anonymous().SendAsync(forgedRequest);
        foreach (var other in new[] { stranger, forged })
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            var html = WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync());
            Assert.Contains("Không có biên nhận để hiển thị", html);
            Assert.Contains("href=\"/hoi-dap/tra-cuu\"", html);
            Assert.DoesNotContain(code!, html);
            Assert.DoesNotContain(secret!, html);
            Assert.DoesNotContain("bản sao chứng thực", html);
        }
    }

    [Fact]
    public async Task A_refused_question_focuses_the_error_summary_and_says_the_check_question_changed()
    {
        using var factory = new PortalFactory();
        var citizen = factory.Anonymous();
        // No proof of work and no answer to the printed question: the check fails.
        var refused = await citizen.PostFormAsync(AltchaTestClient.SubmitUrl, Question("Kiến nghị gửi không qua bước kiểm tra"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".error-summary");
        Assert.NotNull(summary);
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.NotNull(summary.QuerySelector("a[href='#CheckAnswer']"));
        var changed = page.GetElementById("CheckAnswer-changed");
        Assert.NotNull(changed);
        Assert.Contains("câu hỏi kiểm tra đã đổi", changed.TextContent);
        Assert.Contains("CheckAnswer-changed", page.GetElementById("CheckAnswer")!.GetAttribute("aria-describedby"));
        Assert.Equal("Kiến nghị gửi không qua bước kiểm tra", page.GetElementById("Input_Title")!.GetAttribute("value"));
        Assert.Contains("thay cho bản sao chứng thực", page.GetElementById("Input_Content")!.TextContent);

        // The first visit has no such notice; the form's script focuses the summary when there is one.
        var form = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await citizen.GetStringAsync(AltchaTestClient.SubmitUrl));
        Assert.Null(form.GetElementById("CheckAnswer-changed"));
        var script = form.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).Single(s => s.StartsWith("/js/question-form.", StringComparison.Ordinal));
        var js = await citizen.GetStringAsync(script);
        Assert.Contains(".error-summary[tabindex='-1']", js);
        Assert.Contains("summary.focus()", js);
    }
}
