using System.Text.RegularExpressions;
using CchcPortal.BrowserTests.Support;
using CchcPortal.Core.Common;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CchcPortal.BrowserTests;

/// <summary>
/// Issue 18, "Done when": a question goes from the phone form to a private answer on the tracking page, another (with
/// consent) to a public answer, through the four roles, each in its own browser context, signed in on the real login page.
/// Steps still to add here as their items land: the citizen's withdraw confirmation (tracking page); the warning about
/// personal data before approval, with its confirmation tick (head); drafting in the rich-text editor instead of the
/// plain textarea (responder); the staff dashboard (each role's start page); answer attachments (responder, then the
/// tracking and public pages).
/// </summary>
[Collection(BrowserCollection.Name)]
public class QuestionLifecycleTests(BrowserFixture fixture)
{
    private const string Inbox = "/quan-tri/hoi-dap";

    private sealed record Staff(StaffUser Moderator, StaffUser Responder, StaffUser Head, int AgencyId, string AgencyName);

    private sealed record Answered(IPage Citizen, string Code, string Secret);

    private async Task<Staff> StaffAsync()
    {
        var (agencyId, agencyName) = await fixture.AgencyAsync("so-tu-phap");
        return new Staff(
            await fixture.EnsureStaffAsync(new("kiemduyet@browser.local", PortalRoles.Moderator, "Lê Kiểm Duyệt")),
            await fixture.EnsureStaffAsync(new("canbo.tuphap@browser.local", PortalRoles.AgencyResponder, "Nguyễn Cán Bộ", agencyId)),
            await fixture.EnsureStaffAsync(
                new("giamdoc.tuphap@browser.local", PortalRoles.AgencyHead, "Trần Văn Giám", agencyId, "Giám đốc")),
            agencyId, agencyName);
    }

    private static ILocator Status(IPage page) => page.Locator("main h1 + p > span.status");

    private static ILocator Described(IPage page, string term) =>
        page.Locator("dt").GetByText(term, new() { Exact = true }).Locator("xpath=following-sibling::dd[1]");

    private static async Task ActAsync(IPage page, string button, string statusAfter)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(Status(page)).ToHaveTextAsync(statusAfter);
    }

    private static async Task OpenCaseAsync(IPage page, string code)
    {
        await page.GotoAsync(Inbox);
        await page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/quan-tri/hoi-dap/\d+$"));
    }

    /// <summary>Citizen (phone) → moderator → the agency's responder → its head; what each sees on the way.</summary>
    private async Task<Answered> AnswerAsync(Staff staff, CitizenQuestion question, string answer)
    {
        var citizen = await fixture.NewPageAsync(390, 844);
        await citizen.GotoAsync(CitizenQuestion.FormPath);
        await citizen.Locator("#altcha-box altcha-widget").WaitForAsync();
        await question.FillAsync(citizen);
        await CitizenQuestion.SendAsync(citizen);
        await citizen.WaitForURLAsync("**/hoi-dap/bien-nhan");
        var (code, secret) = await CitizenQuestion.ReadReceiptAsync(citizen);
        Assert.Matches(@"^HD-\d{4}-\d{6}$", code);
        Assert.Matches("^[0-9a-f]{16}$", secret);
        await citizen.ReloadAsync(); // item 5: the receipt survives a reload
        Assert.Equal((code, secret), await CitizenQuestion.ReadReceiptAsync(citizen));

        var moderator = await fixture.SignedInPageAsync(staff.Moderator);
        await OpenCaseAsync(moderator, code);
        var casePath = new Uri(moderator.Url).AbsolutePath;
        // Item 9: what the citizen chose on the form.
        await Expect(Described(moderator, "Loại")).ToHaveTextAsync(CaseMessages.KindText(CaseKind.Question, capital: true));
        await Expect(Described(moderator, "Cơ quan đề xuất")).ToHaveTextAsync(staff.AgencyName);
        await Expect(Described(moderator, "Lĩnh vực")).ToHaveTextAsync(question.Field);

        // Item 2: before acceptance the suggested agency's staff neither list nor open the case.
        var responder = await fixture.SignedInPageAsync(staff.Responder);
        await responder.GotoAsync(Inbox);
        await Expect(responder.Locator("main table")).Not.ToContainTextAsync(code);
        Assert.Equal(403, (await responder.GotoAsync(casePath))!.Status);

        await ActAsync(moderator, "Tiếp nhận", CaseWorkflow.StatusText(CaseStatus.Accepted));
        Assert.Equal(staff.AgencyId.ToString(), await moderator.InputValueAsync("#agency-Assign")); // the suggestion, pre-selected
        await ActAsync(moderator, "Chuyển cơ quan xử lý", CaseWorkflow.StatusText(CaseStatus.Assigned));

        await OpenCaseAsync(responder, code);
        await responder.FillAsync("#draft-StartDrafting", "<p>Đang soạn.</p>");
        await ActAsync(responder, "Soạn trả lời", CaseWorkflow.StatusText(CaseStatus.Drafting));
        await responder.FillAsync("#draft-SubmitForApproval", answer);
        await ActAsync(responder, "Lưu nháp", CaseWorkflow.StatusText(CaseStatus.Drafting));
        await Expect(responder.Locator("main ol")).ToContainTextAsync(CaseWorkflow.ActionText(CaseAction.SaveDraft));
        await Expect(responder.Locator("#draft-SubmitForApproval")).ToHaveValueAsync(answer); // the saved draft, ready to submit
        await ActAsync(responder, "Trình duyệt", CaseWorkflow.StatusText(CaseStatus.AwaitingApproval));

        var head = await fixture.SignedInPageAsync(staff.Head);
        await OpenCaseAsync(head, code);
        await ActAsync(head, "Duyệt và công bố trả lời", CaseWorkflow.StatusText(CaseStatus.Answered));
        foreach (var page in new[] { moderator, responder, head }) await page.Context.CloseAsync();
        return new Answered(citizen, code, secret);
    }

    /// <summary>The tracking page with the code from ?ma= (item 8) and the secret; returns the answer's section.</summary>
    private async Task<ILocator> TrackAsync(Answered answered, Staff staff, string answerText)
    {
        var page = answered.Citizen;
        await page.GotoAsync($"/hoi-dap/tra-cuu?ma={answered.Code}");
        await Expect(page.Locator("#Code")).ToHaveValueAsync(answered.Code);
        await Expect(page.Locator("#Secret")).ToHaveAttributeAsync("type", "text");
        await page.FillAsync("#Secret", answered.Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu", Exact = true }).ClickAsync();
        var answer = page.Locator("section[aria-labelledby=answer-title]");
        await Expect(answer).ToContainTextAsync(answerText);
        await Expect(answer).ToContainTextAsync($"Giám đốc Trần Văn Giám, {staff.AgencyName}");
        await Expect(answer).ToContainTextAsync($"trả lời ngày {VnFormat.Date(DateTime.UtcNow)}");
        return answer;
    }

    [Fact]
    public async Task A_question_without_consent_is_answered_privately_on_the_tracking_page()
    {
        var staff = await StaffAsync();
        var question = new CitizenQuestion("Chứng thực bản sao giấy khai sinh ở xã mất bao lâu?")
        {
            AgencyId = staff.AgencyId, Field = "Chứng thực", Area = "Xã Ea Tu, tỉnh Đắk Lắk",
        };
        const string text = "Chứng thực bản sao từ bản chính được giải quyết trong ngày làm việc.";
        var answered = await AnswerAsync(staff, question, $"<p>{text}</p>");

        var answer = await TrackAsync(answered, staff, text);
        await Expect(answer).ToContainTextAsync("Câu trả lời này không công khai");
        await Expect(answer.Locator("a")).ToHaveCountAsync(0);
        Assert.Equal(404, (await answered.Citizen.GotoAsync($"/hoi-dap/cau-hoi/{answered.Code}"))!.Status);
    }

    [Fact]
    public async Task A_question_with_consent_is_answered_publicly_without_the_askers_details()
    {
        var staff = await StaffAsync();
        var question = new CitizenQuestion("Đăng ký khai sinh cho con ở phường có cần sổ hộ khẩu không?")
        {
            Content = "Tôi ở phường Tân Lập, số điện thoại của tôi 0987 654 321, "
                + "xin hỏi đăng ký khai sinh cho con có cần sổ hộ khẩu không?",
            Name = "Lê Thị Hồng Nhung", Phone = "0987 654 321", Email = "hongnhung@example.vn",
            AgencyId = staff.AgencyId, Field = "Hộ tịch", Area = "Phường Tân Lập, tỉnh Đắk Lắk", ConsentToPublish = true,
        };
        const string text =
            "Không cần sổ hộ khẩu: cơ quan đăng ký hộ tịch tự khai thác Cơ sở dữ liệu quốc gia về dân cư.";
        var answered = await AnswerAsync(staff, question, $"<p>{text}</p>");

        var answer = await TrackAsync(answered, staff, text);
        await answer.GetByRole(AriaRole.Link, new() { Name = $"trang câu trả lời hồ sơ {answered.Code}" }).ClickAsync();
        var page = answered.Citizen;
        await page.WaitForURLAsync($"**/hoi-dap/cau-hoi/{answered.Code}");
        var main = page.Locator("main");
        await Expect(main).ToContainTextAsync(text);
        await Expect(main).ToContainTextAsync(question.Area); // item 4: the area is public with the answer
        var shown = await main.InnerTextAsync();
        foreach (var personal in new[] { question.Name, question.Phone, question.Email }) Assert.DoesNotContain(personal, shown);
    }
}
