using System.Text.RegularExpressions;
using CchcPortal.BrowserTests.Support;
using CchcPortal.Core.Common;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using Microsoft.Playwright;
using PdfSharp.Pdf.IO;
using static Microsoft.Playwright.Assertions;

namespace CchcPortal.BrowserTests;

/// <summary>
/// Issue 18, "Done when": a question goes from the phone form to a private answer on the tracking page, another (with
/// consent) to a public answer, through the four roles, each in its own browser context, signed in on the real login page:
/// each role's start page (its panel, every link answering), the answer drafted in the rich-text editor with a PDF sent
/// with it (downloaded from the tracking page, never public), the head warned about the asker's name before approving.
/// A third question is withdrawn by the citizen, with the confirmation and a reason.
/// </summary>
[Collection(BrowserCollection.Name)]
public class QuestionLifecycleTests(BrowserFixture fixture)
{
    private const string Inbox = "/quan-tri/hoi-dap";
    private const string AnswerFile = "cong-van-tra-loi.pdf";
    private const string DraftBox = "draft-SubmitForApproval";

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

    private static ILocator Status(IPage page) => page.Locator("main h1 + p > span.badge-status");

    private static ILocator Described(IPage page, string term) =>
        page.Locator("dt").GetByText(term, new() { Exact = true }).Locator("xpath=following-sibling::dd[1]");

    private static ILocator Titled(IPage page, string heading) =>
        page.Locator("main h2").GetByText(heading, new() { Exact = true }).Locator("xpath=following-sibling::*[1]");

    private static async Task ActAsync(IPage page, string button, string statusAfter)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(Status(page)).ToHaveTextAsync(statusAfter);
    }

    private static async Task OpenCaseAsync(IPage page, string code)
    {
        await page.GotoAsync(Inbox);
        await page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).ClickAsync();
        await page.ArrivedAtAsync(new Regex(@"/quan-tri/hoi-dap/\d+$"));
    }

    /// <summary>The citizen on a phone sends the question from the form; the receipt's code and secret.</summary>
    private async Task<(IPage Citizen, string Code, string Secret)> SubmitAsync(CitizenQuestion question)
    {
        var citizen = await fixture.NewPageAsync(390, 844);
        await citizen.GotoAsync(CitizenQuestion.FormPath);
        await citizen.Locator("#altcha-box altcha-widget").WaitForAsync();
        await question.FillAsync(citizen);
        await CitizenQuestion.SendAsync(citizen);
        await citizen.ArrivedAtAsync("/hoi-dap/bien-nhan");
        var (code, secret) = await CitizenQuestion.ReadReceiptAsync(citizen);
        Assert.Matches(@"^HD-\d{4}-\d{6}$", code);
        Assert.Matches("^[0-9a-f]{16}$", secret);
        await citizen.ReloadAsync(); // item 5: the receipt survives a reload
        Assert.Equal((code, secret), await CitizenQuestion.ReadReceiptAsync(citizen));
        return (citizen, code, secret);
    }

    /// <summary>
    /// Citizen (phone) → moderator → the agency's responder → its head; what each sees on the way. With
    /// <paramref name="namedDraft"/> the responder first submits that draft (it greets the asker by name): the head is
    /// warned, cannot approve without the confirmation tick, returns it; the responder submits <paramref name="answer"/>.
    /// </summary>
    private async Task<Answered> AnswerAsync(Staff staff, CitizenQuestion question, RichAnswer answer, RichAnswer? namedDraft = null)
    {
        var (citizen, code, secret) = await SubmitAsync(question);

        // Item 12: the moderator's start page counts the new case with those awaiting acceptance; every link answers.
        var moderator = await fixture.SignedInPageAsync(staff.Moderator);
        var awaiting = await StaffDashboard.CountAsync(moderator, "panel-moderation", "hồ sơ chờ tiếp nhận");
        await StaffDashboard.AssertLinksAnswerAsync(moderator);
        await moderator.GotoAsync($"{Inbox}?trang-thai={CaseStatus.Submitted}");
        await Expect(moderator.Locator("main table tbody tr")).ToHaveCountAsync(awaiting);
        await Expect(moderator.Locator("main table")).ToContainTextAsync(code);

        await OpenCaseAsync(moderator, code);
        var casePath = new Uri(moderator.Url).AbsolutePath;
        // Item 9: what the citizen chose on the form.
        await Expect(Described(moderator, "Loại")).ToHaveTextAsync(CaseMessages.KindText(CaseKind.Question, capital: true));
        await Expect(Described(moderator, "Cơ quan đề xuất")).ToHaveTextAsync(staff.AgencyName);
        await Expect(Described(moderator, "Lĩnh vực")).ToHaveTextAsync(question.Field);

        // Item 2: before acceptance the suggested agency's staff neither list nor open the case.
        var responder = await fixture.SignedInPageAsync(staff.Responder);
        var open = await StaffDashboard.CountAsync(responder, "panel-inbox", "hồ sơ đang xử lý");
        await StaffDashboard.AssertLinksAnswerAsync(responder);
        await responder.GotoAsync(Inbox);
        await Expect(responder.Locator("main table")).Not.ToContainTextAsync(code);
        Assert.Equal(403, (await responder.GotoAsync(casePath))!.Status);

        await ActAsync(moderator, "Tiếp nhận", CaseWorkflow.StatusText(CaseStatus.Accepted));
        Assert.Equal(staff.AgencyId.ToString(), await moderator.InputValueAsync("#agency-Assign")); // the suggestion, pre-selected
        await ActAsync(moderator, "Chuyển cơ quan xử lý", CaseWorkflow.StatusText(CaseStatus.Assigned));

        // Item 12: once assigned, the case counts in the agency's inbox on the responder's start page.
        await responder.GotoAsync(StaffDashboard.Path);
        Assert.Equal(open + 1, await StaffDashboard.CountAsync(responder, "panel-inbox", "hồ sơ đang xử lý"));

        await OpenCaseAsync(responder, code);
        await (await AnswerEditor.BodyAsync(responder, "draft-StartDrafting")).ClickAsync(); // item 10: the rich-text editor
        await responder.Keyboard.TypeAsync("Đang soạn.");
        await ActAsync(responder, "Soạn trả lời", CaseWorkflow.StatusText(CaseStatus.Drafting));
        await Expect(Titled(responder, "Dự thảo trả lời")).ToHaveTextAsync("Đang soạn.");
        var first = namedDraft ?? answer;
        await first.TypeAsync(responder, DraftBox);
        await ActAsync(responder, "Lưu nháp", CaseWorkflow.StatusText(CaseStatus.Drafting));
        await Expect(responder.Locator("main ol.case-history li").Last)
            .ToContainTextAsync(CaseHistory.Label(new CaseEvent { Action = CaseWorkflow.ActionText(CaseAction.SaveDraft) }));
        await first.ExpectShownInAsync(Titled(responder, "Dự thảo trả lời")); // two paragraphs and a list, as typed
        // The saved draft is back in the editor, ready to submit.
        await Expect((await AnswerEditor.BodyAsync(responder, DraftBox)).Locator("ul > li")).ToHaveCountAsync(first.Items.Count);

        // Item 1: a PDF sent with the answer.
        await responder.SetInputFilesAsync("#AnswerFiles",
            new FilePayload { Name = AnswerFile, MimeType = "application/pdf", Buffer = TestPdf.OnePage() });
        await responder.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true }).ClickAsync();
        await Expect(responder.Locator("section[aria-labelledby=answer-files-title] li a")).ToHaveTextAsync(AnswerFile);
        await ActAsync(responder, "Trình duyệt", CaseWorkflow.StatusText(CaseStatus.AwaitingApproval));

        var head = await fixture.SignedInPageAsync(staff.Head);
        Assert.True(await StaffDashboard.CountAsync(head, "panel-inbox", "dự thảo trả lời chờ duyệt") >= 1);
        await StaffDashboard.AssertLinksAnswerAsync(head);
        await OpenCaseAsync(head, code);
        var warnings = head.Locator("#personal-data-warnings");
        var preview = head.Locator("section[aria-labelledby=public-preview-title]");
        if (namedDraft is not null)
        {
            // Item 3: the head is warned, sees what would be public, and is refused without the confirmation tick.
            await Expect(warnings).ToContainTextAsync("họ tên người gửi");
            await Expect(warnings).ToContainTextAsync("bà Nhung");
            await Expect(preview).ToContainTextAsync(namedDraft.First);
            await head.GetByRole(AriaRole.Button, new() { Name = "Duyệt và công bố trả lời", Exact = true }).ClickAsync();
            await Expect(head.Locator(".error-summary")).ToContainTextAsync("Phần sẽ công khai có thể còn thông tin cá nhân");
            await Expect(Status(head)).ToHaveTextAsync(CaseWorkflow.StatusText(CaseStatus.AwaitingApproval));
            const string note = "Bỏ lời chào có tên người hỏi vì câu trả lời sẽ công khai.";
            await head.FillAsync("#note-ReturnToDrafting", note);
            await ActAsync(head, "Trả lại để soạn lại", CaseWorkflow.StatusText(CaseStatus.Drafting));

            await responder.GotoAsync(casePath);
            await Expect(responder.Locator("main ol.case-history")).ToContainTextAsync(note);
            await answer.TypeAsync(responder, DraftBox);
            await ActAsync(responder, "Trình duyệt", CaseWorkflow.StatusText(CaseStatus.AwaitingApproval));
            await head.GotoAsync(casePath);
            await Expect(preview).ToContainTextAsync(answer.First);
            await Expect(preview).Not.ToContainTextAsync(namedDraft.First);
        }
        else await Expect(preview).ToContainTextAsync("Người gửi không đồng ý công khai");
        await Expect(warnings).ToHaveCountAsync(0);
        await ActAsync(head, "Duyệt và công bố trả lời", CaseWorkflow.StatusText(CaseStatus.Answered));
        foreach (var page in new[] { moderator, responder, head }) await page.Context.CloseAsync();
        return new Answered(citizen, code, secret);
    }

    /// <summary>The tracking page with the code from ?ma= (item 8) and the secret; returns the answer's section.</summary>
    private async Task<ILocator> TrackAsync(Answered answered, Staff staff, RichAnswer reply)
    {
        var page = answered.Citizen;
        await page.GotoAsync($"/hoi-dap/tra-cuu?ma={answered.Code}");
        await Expect(page.Locator("#Code")).ToHaveValueAsync(answered.Code);
        await Expect(page.Locator("#Secret")).ToHaveAttributeAsync("type", "text");
        await page.FillAsync("#Secret", answered.Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu", Exact = true }).ClickAsync();
        // Item 7: the badge's colour says "answered" (its text says it too).
        var badge = page.Locator("section[aria-labelledby=case-title] > p > span.badge-status");
        await Expect(badge).ToHaveTextAsync(CaseWorkflow.StatusText(CaseStatus.Answered));
        await Expect(badge).ToHaveClassAsync(new Regex(@"\bbadge-answered\b"));
        var answer = page.Locator("section[aria-labelledby=answer-title]");
        await reply.ExpectShownInAsync(answer.Locator(".article-body"));
        await Expect(answer).ToContainTextAsync($"Giám đốc Trần Văn Giám, {staff.AgencyName}");
        await Expect(answer).ToContainTextAsync($"trả lời ngày {VnFormat.Date(DateTime.UtcNow)}");

        // Item 1: the file sent with the answer, downloaded with the code and the secret.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            answer.GetByRole(AriaRole.Button, new() { Name = $"Tải về “{AnswerFile}”" }).ClickAsync());
        Assert.Equal(AnswerFile, download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        using (var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import)) Assert.Equal(1, pdf.PageCount);
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
        var reply = new RichAnswer(
            "Chứng thực bản sao từ bản chính được giải quyết trong ngày làm việc.",
            ["Mang theo bản chính giấy khai sinh.", "Nộp bản sao cần chứng thực."],
            "Ông/Bà có thể nộp tại bộ phận một cửa của xã.");
        var answered = await AnswerAsync(staff, question, reply);

        var answer = await TrackAsync(answered, staff, reply);
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
            Content = "Tôi ở số nhà 12 Lê Duẩn, phường Tân Lập, số điện thoại của tôi 0987 654 321, "
                + "xin hỏi đăng ký khai sinh cho con có cần sổ hộ khẩu không?",
            Name = "Lê Thị Hồng Nhung", Phone = "0987 654 321", Email = "hongnhung@example.vn",
            AgencyId = staff.AgencyId, Field = "Hộ tịch", Area = "Phường Tân Lập, tỉnh Đắk Lắk", ConsentToPublish = true,
        };
        string[] items = ["Tờ khai đăng ký khai sinh.", "Giấy chứng sinh."];
        const string last = "Kết quả được trả trong ngày làm việc.";
        var named = new RichAnswer("Chào bà Nhung, cơ quan đăng ký hộ tịch không yêu cầu sổ hộ khẩu.", items, last);
        var reply = new RichAnswer(
            "Không cần sổ hộ khẩu: cơ quan đăng ký hộ tịch tự khai thác Cơ sở dữ liệu quốc gia về dân cư.", items, last);
        var answered = await AnswerAsync(staff, question, reply, named);

        var answer = await TrackAsync(answered, staff, reply);
        await answer.GetByRole(AriaRole.Link, new() { Name = $"trang câu trả lời hồ sơ {answered.Code}" }).ClickAsync();
        var page = answered.Citizen;
        await page.ArrivedAtAsync($"/hoi-dap/cau-hoi/{answered.Code}");
        var main = page.Locator("main");
        await reply.ExpectShownInAsync(main.Locator(".article-body").Last);
        await Expect(main).ToContainTextAsync(question.Area); // item 4: the area is public with the answer
        await Expect(main).ToContainTextAsync("Tôi ở [đã ẩn địa chỉ], phường Tân Lập"); // item 3: redacted at acceptance
        var shown = await main.InnerTextAsync();
        foreach (var personal in new[] { question.Name, "Nhung", question.Phone, question.Email, "Lê Duẩn", AnswerFile })
            Assert.DoesNotContain(personal, shown);
        await Expect(main.Locator("button:not(.page-feedback button)")).ToHaveCountAsync(0); // no file to download here (the page-feedback widget aside)
    }

    [Fact]
    public async Task A_citizen_withdraws_a_question_after_confirming_with_a_reason()
    {
        var (citizen, code, secret) = await SubmitAsync(new CitizenQuestion("Lệ phí cấp bản sao trích lục khai sinh là bao nhiêu?"));

        // Item 13: the statistics fit a phone; the table scrolls in its own box.
        await citizen.GotoAsync("/hoi-dap/thong-ke");
        await Expect(citizen.Locator("main .index-cards")).ToContainTextAsync("chờ tiếp nhận (đã gửi, chưa được xem xét)");
        await Expect(citizen.Locator("main th", new() { HasText = "Chờ tiếp nhận" })).ToHaveCountAsync(1);
        var width = await citizen.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390 + 1, $"The page is {width} px wide at 390 px: it scrolls sideways.");

        // Item 7: withdrawing asks for confirmation and an optional reason, which the history keeps.
        await citizen.GotoAsync($"/hoi-dap/tra-cuu?ma={code}");
        await citizen.FillAsync("#Secret", secret);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu", Exact = true }).ClickAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Rút hồ sơ", Exact = true }).ClickAsync();
        var confirm = citizen.Locator("form.confirm-box");
        await Expect(confirm.Locator("h3")).ToHaveTextAsync($"Xác nhận rút hồ sơ {code}");
        const string reason = "Tôi đã được bộ phận một cửa hướng dẫn trực tiếp.";
        await confirm.Locator("#why").FillAsync(reason);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Xác nhận rút hồ sơ", Exact = true }).ClickAsync();
        await Expect(citizen.Locator("main p.notice[role=status]")).ToHaveTextAsync("Đã rút hồ sơ.");
        await Expect(citizen.Locator("ol.case-history li").Last).ToContainTextAsync(reason);
        var badge = citizen.Locator("section[aria-labelledby=case-title] > p > span.badge-status");
        await Expect(badge).ToHaveTextAsync(CaseWorkflow.StatusText(CaseStatus.Withdrawn));
        await Expect(badge).ToHaveClassAsync(new Regex(@"\bbadge-withdrawn\b"));
        await Expect(citizen.GetByRole(AriaRole.Button, new() { Name = "Rút hồ sơ", Exact = true })).ToHaveCountAsync(0);
    }
}
