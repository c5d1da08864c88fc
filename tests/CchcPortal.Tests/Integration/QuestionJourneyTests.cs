using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>Submit → moderate → assign → draft → approve → published, through the real app and the real forms.</summary>
public class QuestionJourneyTests
{
    // The token comes from a page that always has a form (a finished case page has no action forms left).
    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, int caseId, Dictionary<string, string> fields) =>
        await client.PostFormAsync($"/quan-tri/hoi-dap/{caseId}", fields, "/quan-tri/doi-mat-khau");

    [Fact]
    public async Task A_responder_saves_the_draft_as_often_as_needed_before_submitting_it()
    {
        using var factory = new PortalFactory();
        var submitted = await factory.Anonymous().PostQuestionAsync(new()
        {
            ["Input.Kind"] = "Question", ["Input.Title"] = "Thủ tục chứng thực bản sao từ bản chính ở xã",
            ["Input.Content"] = "Xin hỏi chứng thực bản sao từ bản chính ở xã cần mang theo giấy tờ gì và mất bao lâu?",
            ["Input.Name"] = "Hoàng Văn Nam", ["Input.Phone"] = "0912 222 333",
        });
        var receipt = await submitted.Content.ReadAsStringAsync();
        var code = Regex.Match(receipt, @"HD-\d{4}-\d{6}").Value;
        var secret = Regex.Match(receipt, @"Mã bí mật: <strong class=""big-number"">([0-9a-f]{16})</strong>").Groups[1].Value;
        int caseId;
        using (var scope = factory.Services.CreateScope())
            caseId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Code == code)).Id;
        var tuPhap = await factory.AgencyIdAsync("so-tu-phap");
        var moderator = await factory.StaffAsync("kiemduyet@test.local", PortalRoles.Moderator);
        var responder = await factory.StaffAsync("canbo@test.local", PortalRoles.AgencyResponder, tuPhap);
        await ActAsync(moderator, caseId, new() { ["Input.Action"] = "Accept" });
        await ActAsync(moderator, caseId, new() { ["Input.Action"] = "Assign", ["Input.AgencyId"] = tuPhap.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "StartDrafting", ["Input.DraftHtml"] = "<p>Ý 1</p>" })).StatusCode);

        Assert.Contains("value=\"SaveDraft\"", await responder.GetStringAsync($"/quan-tri/hoi-dap/{caseId}"));
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "SaveDraft", ["Input.DraftHtml"] = "<p>Ý 1, ý 2</p>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "SaveDraft", ["Input.DraftHtml"] = "<p>Ý 1, ý 2, ý 3</p><script>x()</script>" })).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var c = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.Include(x => x.Events).SingleAsync(x => x.Id == caseId);
            Assert.Equal(CaseStatus.Drafting, c.Status);
            Assert.Equal("<p>Ý 1, ý 2, ý 3</p>", c.DraftHtml);
            Assert.Equal(2, c.Events.Count(e => e.Action == "lưu bản nháp"));
        }
        // The saves are the agency's own work: the citizen's history says only that the answer is being drafted.
        var tracked = WebUtility.HtmlDecode(await (await factory.Anonymous().PostFormAsync("/hoi-dap/tra-cuu", new() { ["Code"] = code, ["Secret"] = secret })).Content.ReadAsStringAsync());
        Assert.Contains("Soạn trả lời", tracked);
        Assert.DoesNotContain("Lưu bản nháp", tracked);
        // A moderator cannot save an agency's draft.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ActAsync(moderator, caseId, new() { ["Input.Action"] = "SaveDraft", ["Input.DraftHtml"] = "<p>Khác</p>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "SubmitForApproval" })).StatusCode);
    }

    [Fact]
    public async Task A_question_goes_from_submission_to_a_signed_published_answer()
    {
        using var factory = new PortalFactory();
        var citizen = factory.Anonymous();
        var submitted = await citizen.PostQuestionAsync(new()
        {
            ["Input.Kind"] = "Question", ["Input.Title"] = "Đăng ký khai sinh cho con ở phường có cần sổ hộ khẩu không?",
            ["Input.Content"] = "Tôi ở phường Buôn Ma Thuột, số điện thoại của tôi 0987 654 321, xin hỏi đăng ký khai sinh có cần sổ hộ khẩu không?",
            ["Input.Name"] = "Lê Thị Hồng Nhung", ["Input.Phone"] = "0987 654 321", ["Input.Email"] = "hongnhung@example.vn",
            ["Input.Area"] = "Phường Buôn Ma Thuột", ["Input.ConsentToPublish"] = "true",
        });
        var code = Regex.Match(await submitted.Content.ReadAsStringAsync(), @"HD-\d{4}-\d{6}").Value;
        int caseId;
        using (var scope = factory.Services.CreateScope())
            caseId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Code == code)).Id;

        var tuPhap = await factory.AgencyIdAsync("so-tu-phap");
        var noiVu = await factory.AgencyIdAsync("so-noi-vu");
        var moderator = await factory.StaffAsync("kiemduyet@test.local", PortalRoles.Moderator);
        var responder = await factory.StaffAsync("canbo@test.local", PortalRoles.AgencyResponder, tuPhap);
        var otherResponder = await factory.StaffAsync("canbo.noivu@test.local", PortalRoles.AgencyResponder, noiVu);
        var head = await factory.StaffAsync("giamdoc@test.local", PortalRoles.AgencyHead, tuPhap, jobTitle: "Giám đốc", fullName: "Trần Văn Giám");

        Assert.Contains(code, await moderator.GetStringAsync("/quan-tri/hoi-dap"));
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(moderator, caseId, new() { ["Input.Action"] = "Accept" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(moderator, caseId, new() { ["Input.Action"] = "Assign", ["Input.AgencyId"] = tuPhap.ToString() })).StatusCode);

        // Only the agency's own staff see the case.
        Assert.Equal(HttpStatusCode.Forbidden, (await otherResponder.GetAsync($"/quan-tri/hoi-dap/{caseId}")).StatusCode);
        Assert.DoesNotContain(code, await otherResponder.GetStringAsync("/quan-tri/hoi-dap"));
        Assert.Contains(code, await responder.GetStringAsync("/quan-tri/hoi-dap"));

        // A responder may not approve; the refusal is in Vietnamese and nothing changes.
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "StartDrafting", ["Input.DraftHtml"] = "<p>Bản nháp</p>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "SubmitForApproval",
            ["Input.DraftHtml"] = "<p>Không cần sổ hộ khẩu: cơ quan đăng ký hộ tịch tự khai thác Cơ sở dữ liệu quốc gia về dân cư.</p><script>x()</script>" })).StatusCode);
        var notAllowed = await ActAsync(responder, caseId, new() { ["Input.Action"] = "Approve" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAllowed.StatusCode);
        Assert.Contains("Chỉ thủ trưởng cơ quan mới được duyệt và công bố trả lời.", WebUtility.HtmlDecode(await notAllowed.Content.ReadAsStringAsync()));

        // The head sends it back once, then approves.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ActAsync(head, caseId, new() { ["Input.Action"] = "ReturnToDrafting" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(head, caseId, new() { ["Input.Action"] = "ReturnToDrafting", ["Input.Note"] = "Nêu căn cứ pháp lý." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "SubmitForApproval",
            ["Input.DraftHtml"] = "<p>Không cần sổ hộ khẩu (Nghị định 104/2022/NĐ-CP): cơ quan đăng ký hộ tịch tự khai thác dữ liệu dân cư.</p>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(head, caseId, new() { ["Input.Action"] = "Approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ActAsync(head, caseId, new() { ["Input.Action"] = "Approve" })).StatusCode);

        // Published: answer signed by the head; no personal data anywhere public.
        var page = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/hoi-dap/cau-hoi/{code}"));
        Assert.Contains("Nghị định 104/2022/NĐ-CP", page);
        Assert.Contains("Giám đốc Trần Văn Giám, Sở Tư pháp tỉnh Đắk Lắk", page);
        Assert.Contains("[đã ẩn số điện thoại]", page);
        Assert.DoesNotContain("<script>x()", page);
        foreach (var text in new[] { page, await citizen.GetStringAsync("/hoi-dap/da-tra-loi"), await citizen.GetStringAsync("/hoi-dap") })
        {
            Assert.DoesNotContain("Hồng Nhung", text);
            Assert.DoesNotContain("0987 654 321", text);
            Assert.DoesNotContain("hongnhung@example.vn", text);
        }
        Assert.Contains(code, await citizen.GetStringAsync("/hoi-dap/da-tra-loi"));

        // Searchable, folded or not, and the search JSON carries no personal data either.
        await factory.WaitForSearchAsync();
        foreach (var query in new[] { "so ho khau khai sinh", "sổ hộ khẩu" })
        {
            var json = await citizen.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(query));
            Assert.Contains($"/hoi-dap/cau-hoi/{code}", json);
            Assert.DoesNotContain("Hồng Nhung", System.Text.RegularExpressions.Regex.Unescape(json));
            Assert.DoesNotContain("hongnhung@example.vn", json);
        }

        var rss = System.Xml.Linq.XDocument.Parse(await citizen.GetStringAsync("/hoi-dap/rss.xml"));
        Assert.Equal("Đăng ký khai sinh cho con ở phường có cần sổ hộ khẩu không?", rss.Descendants("item").Single().Element("title")!.Value);
        Assert.DoesNotContain("Hồng Nhung", rss.ToString());
        Assert.Contains(code, await citizen.GetStringAsync($"/hoi-dap/da-tra-loi?co-quan={tuPhap}&loai=Question"));
        Assert.DoesNotContain(code, await citizen.GetStringAsync($"/hoi-dap/da-tra-loi?co-quan={noiVu}"));
        Assert.DoesNotContain(code, await citizen.GetStringAsync("/hoi-dap/da-tra-loi?loai=ConductFeedback"));

        var stats = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await citizen.GetStringAsync("/hoi-dap/thong-ke"));
        var row = stats.QuerySelectorAll("table.data-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Sở Tư pháp tỉnh Đắk Lắk");
        Assert.Equal(["1", "1", "100%", "0"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.DoesNotContain("Hồng Nhung", stats.Body!.TextContent);

        using var check = factory.Services.CreateScope();
        var events = await check.ServiceProvider.GetRequiredService<PortalDbContext>().CaseEvents.Where(e => e.CaseId == caseId).CountAsync();
        Assert.Equal(8, events); // submitted, accepted, assigned, drafting, submitted for approval, returned, resubmitted, approved
    }

    [Fact]
    public async Task The_citizen_adds_information_when_asked_and_can_withdraw()
    {
        using var factory = new PortalFactory();
        var citizen = factory.Anonymous();
        var html = await (await citizen.PostQuestionAsync(new()
        {
            ["Input.Kind"] = "RegulationFeedback", ["Input.Title"] = "Kiến nghị giảm giấy tờ khi cấp lại giấy phép",
            ["Input.Content"] = "Đề nghị bỏ yêu cầu nộp bản sao giấy phép cũ khi xin cấp lại vì cơ quan đã có dữ liệu.",
            ["Input.Name"] = "Phạm Văn An", ["Input.Email"] = "an@example.vn",
        })).Content.ReadAsStringAsync();
        var code = Regex.Match(html, @"HD-\d{4}-\d{6}").Value;
        var secret = Regex.Match(html, @"Mã bí mật: <strong class=""big-number"">([0-9a-f]{16})</strong>").Groups[1].Value;
        int caseId;
        using (var scope = factory.Services.CreateScope())
            caseId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Code == code)).Id;
        var agency = await factory.AgencyIdAsync("so-noi-vu");
        var moderator = await factory.StaffAsync("kd@test.local", PortalRoles.Moderator);
        var responder = await factory.StaffAsync("cb@test.local", PortalRoles.AgencyResponder, agency);
        await ActAsync(moderator, caseId, new() { ["Input.Action"] = "Accept" });
        await ActAsync(moderator, caseId, new() { ["Input.Action"] = "Assign", ["Input.AgencyId"] = agency.ToString() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "RequestInformation" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "RequestInformation", ["Input.Note"] = "Cho biết số giấy phép cũ." })).StatusCode);

        var track = WebUtility.HtmlDecode(await (await citizen.PostFormAsync("/hoi-dap/tra-cuu", new() { ["Code"] = code, ["Secret"] = secret })).Content.ReadAsStringAsync());
        Assert.Contains("Cần bổ sung thông tin", track);
        Assert.Contains("Cho biết số giấy phép cũ.", track);
        var provided = await citizen.PostFormAsync("/hoi-dap/tra-cuu?handler=Provide", new() { ["Code"] = code, ["Secret"] = secret, ["Text"] = "Giấy phép số 12/GP-SNV." }, "/hoi-dap/tra-cuu");
        Assert.Contains("Đã gửi thông tin bổ sung.", WebUtility.HtmlDecode(await provided.Content.ReadAsStringAsync()));
        var wrongSecret = await citizen.PostFormAsync("/hoi-dap/tra-cuu?handler=Withdraw", new() { ["Code"] = code, ["Secret"] = "sai" }, "/hoi-dap/tra-cuu");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongSecret.StatusCode);
        var withdrawn = await citizen.PostFormAsync("/hoi-dap/tra-cuu?handler=ConfirmWithdraw", new() { ["Code"] = code, ["Secret"] = secret }, "/hoi-dap/tra-cuu");
        Assert.Contains("Người gửi đã rút", WebUtility.HtmlDecode(await withdrawn.Content.ReadAsStringAsync()));

        using var check = factory.Services.CreateScope();
        var saved = await check.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Id == caseId);
        Assert.Contains("Giấy phép số 12/GP-SNV.", saved.Content);
        Assert.Equal(CchcPortal.Core.Questions.CaseStatus.Withdrawn, saved.Status);
    }

    [Fact]
    public async Task Staff_enter_a_case_received_by_phone_with_its_channel()
    {
        using var factory = new PortalFactory();
        var moderator = await factory.StaffAsync("kd2@test.local", PortalRoles.Moderator);
        var response = await moderator.PostFormAsync("/quan-tri/hoi-dap/nhap-ho-so", new()
        {
            ["Channel"] = "hotline", ["Input.Kind"] = "ConductFeedback", ["Input.Title"] = "Cán bộ một cửa hẹn nhiều lần",
            ["Input.Content"] = "Người dân gọi đường dây nóng phản ánh cán bộ bộ phận một cửa hẹn trả kết quả quá hạn ba lần.",
            ["Input.Name"] = "Người gọi đường dây nóng", ["Input.Phone"] = "0262.3852255",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var code = Regex.Match(await response.Content.ReadAsStringAsync(), @"HD-\d{4}-\d{6}").Value;
        using var scope = factory.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Code == code);
        Assert.Equal("hotline", saved.Channel);
        Assert.Contains(code, await moderator.GetStringAsync("/quan-tri/hoi-dap"));
        var bad = await moderator.PostFormAsync("/quan-tri/hoi-dap/nhap-ho-so", new() { ["Channel"] = "pigeon", ["Input.Title"] = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
    }

    [Fact]
    public async Task A_duplicate_found_after_acceptance_is_merged_into_the_original_with_its_text_and_files()
    {
        using var factory = new PortalFactory();
        var moderator = await factory.StaffAsync("kd3@test.local", PortalRoles.Moderator);
        async Task<(int Id, string Code, string Secret)> EnterAsync(string title, string content)
        {
            var html = await (await moderator.PostFormAsync("/quan-tri/hoi-dap/nhap-ho-so", new()
            {
                ["Channel"] = "letter", ["Input.Kind"] = "RegulationFeedback", ["Input.Title"] = title, ["Input.Content"] = content,
                ["Input.Name"] = "Người gửi thư", ["Input.Phone"] = "0262.3852255",
            })).Content.ReadAsStringAsync();
            var match = Regex.Match(html, @"Đã tạo hồ sơ <strong>(HD-\d{4}-\d{6})</strong>\. Mã bí mật để người gửi tra cứu: <strong>([0-9a-f]{16})</strong>");
            using var scope = factory.Services.CreateScope();
            var id = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Code == match.Groups[1].Value)).Id;
            return (id, match.Groups[1].Value, match.Groups[2].Value);
        }
        var original = await EnterAsync("Kiến nghị bỏ yêu cầu bản sao sổ đỏ", "Đề nghị không yêu cầu nộp bản sao giấy chứng nhận khi đã có dữ liệu đất đai.");
        var duplicate = await EnterAsync("Lại kiến nghị về bản sao sổ đỏ", "Tôi cũng đề nghị bỏ bản sao giấy chứng nhận quyền sử dụng đất, vì mất thời gian công chứng.");
        await ActAsync(moderator, original.Id, new() { ["Input.Action"] = "Accept" });
        await ActAsync(moderator, duplicate.Id, new() { ["Input.Action"] = "Accept" });

        var noCode = await ActAsync(moderator, duplicate.Id, new() { ["Input.Action"] = "Merge", ["Input.DuplicateOf"] = "HD-2026-999999" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noCode.StatusCode);
        Assert.Contains("Vui lòng nhập mã hồ sơ gốc đã có", WebUtility.HtmlDecode(await noCode.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ActAsync(moderator, duplicate.Id, new() { ["Input.Action"] = "Merge", ["Input.DuplicateOf"] = duplicate.Code })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(moderator, duplicate.Id, new() { ["Input.Action"] = "Merge", ["Input.DuplicateOf"] = original.Code.ToLowerInvariant() })).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var merged = await db.QuestionCases.SingleAsync(c => c.Id == duplicate.Id);
            Assert.Equal((CchcPortal.Core.Questions.CaseStatus.Rejected, CchcPortal.Core.Questions.RejectionReason.Duplicate, original.Code), (merged.Status, merged.RejectionReason!.Value, merged.DuplicateOfCode));
            var kept = await db.QuestionCases.Include(c => c.Events).SingleAsync(c => c.Id == original.Id);
            Assert.Contains("vì mất thời gian công chứng", kept.Content);
            Assert.Contains(kept.Events, e => e.Action == $"gộp hồ sơ trùng {duplicate.Code}");
            Assert.Equal(CchcPortal.Core.Questions.CaseStatus.Accepted, kept.Status);
        }

        // The citizen of the duplicate is told where their case went, and nothing private of the other case.
        var track = WebUtility.HtmlDecode(await (await factory.Anonymous().PostFormAsync("/hoi-dap/tra-cuu", new() { ["Code"] = duplicate.Code, ["Secret"] = duplicate.Secret })).Content.ReadAsStringAsync());
        Assert.Contains($"đã được gộp vào hồ sơ đó", track);
        Assert.Contains(original.Code, track);
        Assert.Contains("Trạng thái hồ sơ gốc: Đã tiếp nhận", track);
        Assert.DoesNotContain("Kiến nghị bỏ yêu cầu bản sao sổ đỏ", track);
    }
}
