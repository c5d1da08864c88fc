using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>Issue 18, item 3: no asker's name, phone, e-mail, ID number or street address reaches the public answer unseen.</summary>
public class QuestionPersonalDataTests
{
    private static Task<HttpResponseMessage> ActAsync(HttpClient client, int caseId, Dictionary<string, string> fields) =>
        client.PostFormAsync($"/quan-tri/hoi-dap/{caseId}", fields, "/quan-tri/doi-mat-khau");

    private static async Task<QuestionCase> CaseAsync(PortalFactory f, int id)
    {
        using var scope = f.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>A question submitted, accepted, assigned to Sở Tư pháp, and its draft submitted for approval.</summary>
    private static async Task<(int CaseId, string Code, HttpClient Responder, HttpClient Head)> AwaitingApprovalAsync(PortalFactory f, string draft, bool consent = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Question", ["Input.Title"] = "Hỏi về chứng thực bản sao giấy khai sinh",
            ["Input.Content"] = "Tôi ở 12 Lê Duẩn, CCCD 066190001234, điện thoại 0912 345 678. Xin hỏi chứng thực bản sao giấy khai sinh ở đâu?",
            ["Input.Name"] = "Nguyễn Thị Lan", ["Input.Phone"] = "0912 345 678", ["Input.Email"] = "lan@example.vn", ["Input.Area"] = "Phường Tân Lợi",
        };
        if (consent) fields["Input.ConsentToPublish"] = "true";
        var code = Regex.Match(await (await f.Anonymous().PostQuestionAsync(fields)).Content.ReadAsStringAsync(), @"HD-\d{4}-\d{6}").Value;
        int caseId;
        using (var scope = f.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            caseId = (await db.QuestionCases.SingleAsync(c => c.Code == code)).Id;
        }
        int tuPhap;
        using (var scope = f.Services.CreateScope())
            tuPhap = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Agencies.SingleAsync(a => a.Slug == "so-tu-phap")).Id;
        var moderator = await f.StaffAsync("kiemduyet@test.local", PortalRoles.Moderator);
        var responder = await f.StaffAsync("canbo@test.local", PortalRoles.AgencyResponder, tuPhap);
        var head = await f.StaffAsync("giamdoc@test.local", PortalRoles.AgencyHead, tuPhap, jobTitle: "Giám đốc");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(moderator, caseId, new() { ["Input.Action"] = "Accept" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(moderator, caseId, new() { ["Input.Action"] = "Assign", ["Input.AgencyId"] = tuPhap.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "StartDrafting", ["Input.DraftHtml"] = draft })).StatusCode);
        return (caseId, code, responder, head);
    }

    [Fact]
    public async Task Acceptance_masks_the_street_address_and_ID_number_of_the_public_question()
    {
        using var factory = new PortalFactory();
        var (caseId, _, _, _) = await AwaitingApprovalAsync(factory, "<p>Bản nháp</p>");
        Assert.Equal("Tôi ở [đã ẩn địa chỉ], CCCD [đã ẩn số giấy tờ], điện thoại [đã ẩn số điện thoại]. Xin hỏi chứng thực bản sao giấy khai sinh ở đâu?",
            (await CaseAsync(factory, caseId)).PublicContent);
    }

    [Fact]
    public async Task The_head_sees_the_warning_and_the_preview_and_must_confirm_before_approving()
    {
        using var factory = new PortalFactory();
        var (caseId, code, responder, head) = await AwaitingApprovalAsync(factory,
            "<p>Chào bà Lan,</p><p>Bà mang bản chính giấy khai sinh đến bộ phận một cửa UBND phường để chứng thực bản sao.</p>");

        // The responder sees the warning before "Trình duyệt" (read-only: no checkbox, no preview).
        var drafting = WebUtility.HtmlDecode(await responder.GetStringAsync($"/quan-tri/hoi-dap/{caseId}"));
        Assert.Contains("Phần trả lời: họ tên người gửi “bà Lan”.", drafting);
        Assert.DoesNotContain("Xem trước phần sẽ công khai", drafting);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "SubmitForApproval" })).StatusCode);

        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await head.GetStringAsync($"/quan-tri/hoi-dap/{caseId}"));
        var warning = doc.QuerySelector("[role=alert]#personal-data-warnings")!;
        Assert.Contains("Phần trả lời: họ tên người gửi “bà Lan”.", warning.TextContent);
        var preview = doc.QuerySelector("section.public-preview")!;
        Assert.Contains("Xem trước phần sẽ công khai", preview.TextContent);
        Assert.Contains("Hỏi về chứng thực bản sao giấy khai sinh", preview.QuerySelector("h3")!.TextContent);
        Assert.Contains("Tôi ở [đã ẩn địa chỉ], CCCD [đã ẩn số giấy tờ]", preview.TextContent);
        Assert.Contains("Phường Tân Lợi", preview.TextContent);
        Assert.Equal("Chào bà Lan,", preview.QuerySelector(".article-body p")!.TextContent);
        Assert.Contains("Giám đốc", preview.QuerySelector("article > p > strong")!.TextContent);
        Assert.Contains("Sở Tư pháp", preview.TextContent);
        Assert.DoesNotContain("0912 345 678", preview.TextContent);
        Assert.NotNull(doc.QuerySelector("input[type=checkbox][name='Input.ConfirmedNoPersonalData']"));

        // Without the tick: refused in Vietnamese, nothing saved, the typed public text kept.
        var typed = "Xin hỏi chứng thực bản sao giấy khai sinh ở đâu? (bản đã sửa)";
        var refused = await ActAsync(head, caseId, new() { ["Input.Action"] = "Approve", ["Input.PublicContent"] = typed });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Phần sẽ công khai có thể còn thông tin cá nhân", refusedPage);
        Assert.Contains(typed, refusedPage);
        var still = await CaseAsync(factory, caseId);
        Assert.Equal((CaseStatus.AwaitingApproval, false, ""), (still.Status, still.IsPublished, still.AnswerHtml));
        Assert.StartsWith("Tôi ở [đã ẩn địa chỉ]", still.PublicContent);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Anonymous().GetAsync($"/hoi-dap/cau-hoi/{code}")).StatusCode);

        // With the tick: approved and published.
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(head, caseId, new()
        {
            ["Input.Action"] = "Approve", ["Input.PublicContent"] = typed, ["Input.ConfirmedNoPersonalData"] = "true",
        })).StatusCode);
        var answered = await CaseAsync(factory, caseId);
        Assert.Equal((CaseStatus.Answered, true, typed), (answered.Status, answered.IsPublished, answered.PublicContent));
    }

    [Fact]
    public async Task A_clean_public_part_is_approved_without_the_tick()
    {
        using var factory = new PortalFactory();
        var (caseId, _, responder, head) = await AwaitingApprovalAsync(factory, "<p>Ông/bà mang bản chính đến bộ phận một cửa UBND cấp xã để chứng thực bản sao.</p>");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "SubmitForApproval" })).StatusCode);
        var page = await head.GetStringAsync($"/quan-tri/hoi-dap/{caseId}");
        Assert.DoesNotContain("personal-data-warnings", page);
        Assert.DoesNotContain("Input.ConfirmedNoPersonalData", page);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(head, caseId, new() { ["Input.Action"] = "Approve" })).StatusCode);
        Assert.Equal(CaseStatus.Answered, (await CaseAsync(factory, caseId)).Status);
    }

    [Fact]
    public async Task Without_consent_the_preview_says_nothing_will_be_public_and_no_tick_is_needed()
    {
        using var factory = new PortalFactory();
        var (caseId, _, responder, head) = await AwaitingApprovalAsync(factory, "<p>Chào bà Lan, bà mang bản chính đến UBND phường để chứng thực.</p>", consent: false);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "SubmitForApproval" })).StatusCode);
        var page = WebUtility.HtmlDecode(await head.GetStringAsync($"/quan-tri/hoi-dap/{caseId}"));
        Assert.Contains("không có nội dung nào của hồ sơ này được công khai; trả lời chỉ gửi đến người gửi", page);
        Assert.DoesNotContain("personal-data-warnings", page);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(head, caseId, new() { ["Input.Action"] = "Approve" })).StatusCode);
        var answered = await CaseAsync(factory, caseId);
        Assert.Equal((CaseStatus.Answered, false), (answered.Status, answered.IsPublished));
    }
}
