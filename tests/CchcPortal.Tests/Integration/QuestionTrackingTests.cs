using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CchcPortal.Tests.Integration;

/// <summary>The tracking page: the answer for the citizen who holds code and secret, the e-mail link carrying the code only.</summary>
public class QuestionTrackingTests
{
    private const string CitizenEmail = "ngocanh@example.vn";
    private const string AnswerText = "Ông/Bà nộp hồ sơ cấp lại tại Bộ phận Một cửa của Sở Tư pháp, kèm bản sao giấy tờ tùy thân.";

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, int caseId, Dictionary<string, string> fields) =>
        client.PostFormAsync($"/quan-tri/hoi-dap/{caseId}", fields, "/quan-tri/doi-mat-khau");

    /// <summary>Submits, then takes the case to an approved answer signed by the head of Sở Tư pháp two days later.</summary>
    private static async Task<(string Code, string Secret)> AnsweredAsync(PortalFactory f, bool consentToPublish)
    {
        var submitted = await f.Anonymous().PostQuestionAsync(new()
        {
            ["Input.Kind"] = "Question", ["Input.Title"] = "Cấp lại bản sao trích lục khai sinh bị mất",
            ["Input.Content"] = "Tôi làm mất bản sao trích lục khai sinh, xin hỏi thủ tục cấp lại ở đâu và cần những giấy tờ gì?",
            ["Input.Name"] = "Phạm Ngọc Ánh", ["Input.Email"] = CitizenEmail, ["Input.Area"] = "Xã Cư M'gar",
            ["Input.ConsentToPublish"] = consentToPublish ? "true" : "false",
        });
        var html = await submitted.Content.ReadAsStringAsync();
        var code = Regex.Match(html, @"HD-\d{4}-\d{6}").Value;
        var secret = Regex.Match(html, @"Mã bí mật: <strong class=""big-number"">([0-9a-f]{16})</strong>").Groups[1].Value;
        int caseId, tuPhap;
        using (var scope = f.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            caseId = (await db.QuestionCases.SingleAsync(c => c.Code == code)).Id;
            tuPhap = (await db.Agencies.SingleAsync(a => a.Slug == "so-tu-phap")).Id;
        }
        var moderator = await f.StaffAsync("kd@test.local", PortalRoles.Moderator);
        var responder = await f.StaffAsync("cb@test.local", PortalRoles.AgencyResponder, tuPhap);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(moderator, caseId, new() { ["Input.Action"] = "Accept" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(moderator, caseId, new() { ["Input.Action"] = "Assign", ["Input.AgencyId"] = tuPhap.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "StartDrafting", ["Input.DraftHtml"] = "<p>Nháp</p>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "SubmitForApproval",
            ["Input.DraftHtml"] = $"<p><strong>{AnswerText}</strong></p><script>alert(1)</script>" })).StatusCode);
        f.Clock.Advance(TimeSpan.FromDays(2));
        var head = await f.StaffAsync("gd@test.local", PortalRoles.AgencyHead, tuPhap, jobTitle: "Giám đốc", fullName: "Trần Văn Giám");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(head, caseId, new() { ["Input.Action"] = "Approve" })).StatusCode);
        return (code, secret);
    }

    private static async Task<(HttpStatusCode Status, string Html)> TrackAsync(PortalFactory f, string code, string secret)
    {
        var response = await f.Anonymous().PostFormAsync("/hoi-dap/tra-cuu", new() { ["Code"] = code, ["Secret"] = secret });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_private_answer_is_shown_signed_and_dated_to_the_holder_of_code_and_secret_only()
    {
        using var f = new PortalFactory();
        var (code, secret) = await AnsweredAsync(f, consentToPublish: false);

        var (status, html) = await TrackAsync(f, code, secret);
        Assert.Equal(HttpStatusCode.OK, status);
        var page = WebUtility.HtmlDecode(html);
        Assert.Contains(AnswerText, page);
        var answer = new HtmlParser().ParseDocument(html).QuerySelector("section[aria-labelledby='answer-title']")!;
        Assert.Contains(answer.QuerySelectorAll("strong"), e => e.TextContent == AnswerText); // rich text rendered, as on the public page
        Assert.Empty(answer.QuerySelectorAll("script"));
        Assert.DoesNotContain("alert(1)", page);
        Assert.Contains("Trả lời của Sở Tư pháp tỉnh Đắk Lắk", page);
        Assert.Contains("Giám đốc Trần Văn Giám, Sở Tư pháp tỉnh Đắk Lắk", page);
        Assert.Contains("trả lời ngày 28/11/2026", page);
        Assert.DoesNotContain($"/hoi-dap/cau-hoi/{code}", page);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Anonymous().GetAsync($"/hoi-dap/cau-hoi/{code}")).StatusCode);

        // A wrong secret: the same refusal as before, nothing of the answer.
        var (wrongStatus, wrongHtml) = await TrackAsync(f, code, "0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, wrongStatus);
        var wrong = WebUtility.HtmlDecode(wrongHtml);
        Assert.Contains("Mã hồ sơ hoặc mã bí mật không đúng. Vui lòng kiểm tra lại.", wrong);
        Assert.DoesNotContain(AnswerText, wrong);
        Assert.DoesNotContain("Trần Văn Giám", wrong);
        Assert.DoesNotContain("28/11/2026", wrong);
    }

    [Fact]
    public async Task A_published_answer_links_to_its_public_page_from_the_tracking_page()
    {
        using var f = new PortalFactory();
        var (code, secret) = await AnsweredAsync(f, consentToPublish: true);
        var (status, html) = await TrackAsync(f, code, secret);
        Assert.Equal(HttpStatusCode.OK, status);
        var link = new HtmlParser().ParseDocument(html).QuerySelector($"a[href='/hoi-dap/cau-hoi/{code}']");
        Assert.NotNull(link);
        Assert.Contains(AnswerText, WebUtility.HtmlDecode(html));
        Assert.Equal(HttpStatusCode.OK, (await f.Anonymous().GetAsync($"/hoi-dap/cau-hoi/{code}")).StatusCode);
    }

    [Fact]
    public async Task The_answer_mail_links_to_the_tracking_page_with_the_code_filled_in_and_the_secret_typed_as_text()
    {
        using var f = new PortalFactory();
        var (code, secret) = await AnsweredAsync(f, consentToPublish: false);
        await f.Services.GetRequiredService<OutboxSender>().FlushAsync();
        var answered = Directory.GetFiles(f.MailPickupPath, "*.eml").Select(p => MimeMessage.Load(p))
            .Single(m => m.To.Mailboxes.Single().Address == CitizenEmail && m.Subject.Contains("Đã có câu trả lời"));
        var link = Regex.Match(answered.TextBody, @"http://localhost:5000/hoi-dap/tra-cuu\S*").Value;
        Assert.Equal($"http://localhost:5000/hoi-dap/tra-cuu?ma={code}", link);
        Assert.DoesNotContain(secret, answered.TextBody);

        var response = await f.Anonymous().GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, form.QuerySelector("input[name='Code']")!.GetAttribute("value"));
        var secretField = form.QuerySelector("input[name='Secret']")!;
        Assert.Equal("text", secretField.GetAttribute("type"));
        Assert.Equal("off", secretField.GetAttribute("autocomplete"));
        Assert.True(string.IsNullOrEmpty(secretField.GetAttribute("value")));
        var hint = form.GetElementById(secretField.GetAttribute("aria-describedby")!);
        Assert.Contains("trang xác nhận", hint!.TextContent);
    }
}
