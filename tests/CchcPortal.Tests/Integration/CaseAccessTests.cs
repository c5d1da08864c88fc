using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// Who sees a case, with the citizen's name, phone, e-mail and address: moderators always; an agency's responders
/// and heads only once a moderator accepted the case and assigned it to their agency. The agency the citizen chose
/// on the form is a suggestion the moderator sees, never an access right.
/// </summary>
public class CaseAccessTests
{
    private static async Task<bool> InboxListsAsync(HttpClient client, int caseId) =>
        (await client.GetStringAsync("/quan-tri/hoi-dap")).Contains($"href=\"/quan-tri/hoi-dap/{caseId}\"");

    /// <summary>One case in every status as the workflow leaves it, plus the shapes that never reached an agency.</summary>
    private static async Task<List<(string Label, int Id, bool AgencyMaySee)>> SeedEveryStatusAsync(PortalFactory f, int suggested, DateTime now)
    {
        var cases = new List<(string Label, QuestionCase Case, bool AgencyMaySee)>();
        QuestionCase Case(CaseStatus status, bool assigned) => new()
        {
            Code = $"HD-2026-{900000 + cases.Count:000000}", SecretHash = "x", Kind = CaseKind.ConductFeedback, Title = $"Phản ánh thử {cases.Count}",
            Content = "Cán bộ tiếp nhận hồ sơ gây khó dễ.", SubmitterName = "Nguyễn Văn Dân", SubmitterPhone = "0912 345 678",
            SubmitterEmail = "dan@example.vn", SubmitterArea = "Phường Tân Lợi", Status = status, SubmittedAt = now.AddDays(-3),
            ModerationDue = DateOnly.FromDateTime(now.AddDays(1)), SuggestedAgencyId = suggested,
            AgencyId = assigned ? suggested : null, AssignedAt = assigned ? now.AddDays(-2) : null,
            AnswerDue = assigned ? DateOnly.FromDateTime(now.AddDays(10)) : null,
        };
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            // Submitted and Accepted come before any assignment; every other status is reached after it here.
            var assigned = status is not (CaseStatus.Submitted or CaseStatus.Accepted);
            cases.Add((status.ToString(), Case(status, assigned), assigned));
        }
        // Closed before anyone assigned them: rejected at moderation, withdrawn while waiting.
        cases.Add(("Rejected at moderation", Case(CaseStatus.Rejected, assigned: false), false));
        cases.Add(("Withdrawn before assignment", Case(CaseStatus.Withdrawn, assigned: false), false));
        // A row still holding the form's agency as its handling agency (as submissions stored it before): no moderator assigned it.
        var legacy = Case(CaseStatus.Submitted, assigned: false);
        legacy.AgencyId = suggested;
        cases.Add(("Submitted with the form's agency set", legacy, false));

        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.QuestionCases.AddRange(cases.Select(c => c.Case));
        await db.SaveChangesAsync();
        return cases.Select(c => (c.Label, c.Case.Id, c.AgencyMaySee)).ToList();
    }

    [Fact]
    public async Task Each_status_is_seen_by_moderators_always_and_by_an_agency_only_once_assigned_to_it()
    {
        using var f = new PortalFactory();
        var tuPhap = await f.AgencyIdAsync("so-tu-phap");
        var noiVu = await f.AgencyIdAsync("so-noi-vu");
        var cases = await SeedEveryStatusAsync(f, tuPhap, f.Clock.GetUtcNow().UtcDateTime);

        var moderators = new[]
        {
            ("moderator", await f.StaffAsync("kiemduyet@test.local", PortalRoles.Moderator)),
            ("administrator", await f.StaffAsync("quantri@test.local", PortalRoles.Administrator)),
        };
        var ownAgency = new[]
        {
            ("responder of the agency", await f.StaffAsync("canbo.tp@test.local", PortalRoles.AgencyResponder, tuPhap)),
            ("head of the agency", await f.StaffAsync("giamdoc.tp@test.local", PortalRoles.AgencyHead, tuPhap)),
        };
        var otherAgency = new[]
        {
            ("responder of another agency", await f.StaffAsync("canbo.nv@test.local", PortalRoles.AgencyResponder, noiVu)),
            ("head of another agency", await f.StaffAsync("giamdoc.nv@test.local", PortalRoles.AgencyHead, noiVu)),
        };

        var failures = new List<string>();
        async Task ExpectAsync(string who, HttpClient client, string label, int id, bool sees)
        {
            var status = (await client.GetAsync($"/quan-tri/hoi-dap/{id}")).StatusCode;
            if (status != (sees ? HttpStatusCode.OK : HttpStatusCode.Forbidden)) failures.Add($"{who}, {label}: page {(int)status}");
            if (await InboxListsAsync(client, id) != sees) failures.Add($"{who}, {label}: inbox {(sees ? "misses" : "lists")} it");
        }
        foreach (var (label, id, agencyMaySee) in cases)
        {
            foreach (var (who, client) in moderators) await ExpectAsync(who, client, label, id, sees: true);
            foreach (var (who, client) in ownAgency) await ExpectAsync(who, client, label, id, agencyMaySee);
            foreach (var (who, client) in otherAgency) await ExpectAsync(who, client, label, id, sees: false);
        }
        Assert.Empty(failures);

        // A case that does not exist is 404 for everyone.
        foreach (var (_, client) in moderators.Concat(ownAgency).Concat(otherAgency))
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/quan-tri/hoi-dap/999999")).StatusCode);
    }

    [Fact]
    public async Task The_agency_chosen_on_the_form_is_a_suggestion_the_moderator_sees_and_preselects()
    {
        using var f = new PortalFactory();
        var tuPhap = await f.AgencyIdAsync("so-tu-phap");
        var noiVu = await f.AgencyIdAsync("so-noi-vu");
        var submitted = await f.Anonymous().PostQuestionAsync(new()
        {
            ["Input.Kind"] = "ConductFeedback", ["Input.AgencyId"] = tuPhap.ToString(), ["Input.Field"] = "Chứng thực",
            ["Input.Title"] = "Cán bộ bộ phận một cửa đòi thêm giấy tờ không có trong quy định",
            ["Input.Content"] = "Khi chứng thực bản sao, cán bộ yêu cầu tôi nộp thêm giấy xác nhận cư trú không có trong quy định.",
            ["Input.Name"] = "Phạm Thị Bình", ["Input.Phone"] = "0905 111 222", ["Input.Area"] = "Phường Tân Lợi",
        });
        var code = Regex.Match(await submitted.Content.ReadAsStringAsync(), @"HD-\d{4}-\d{6}").Value;
        QuestionCase stored;
        using (var scope = f.Services.CreateScope())
            stored = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.AsNoTracking().SingleAsync(c => c.Code == code);
        Assert.Equal(tuPhap, stored.SuggestedAgencyId);
        Assert.Null(stored.AgencyId);
        var page = $"/quan-tri/hoi-dap/{stored.Id}";

        var moderator = await f.StaffAsync("kiemduyet@test.local", PortalRoles.Moderator);
        var responder = await f.StaffAsync("canbo.tp@test.local", PortalRoles.AgencyResponder, tuPhap);
        var head = await f.StaffAsync("giamdoc.tp@test.local", PortalRoles.AgencyHead, tuPhap);
        var otherResponder = await f.StaffAsync("canbo.nv@test.local", PortalRoles.AgencyResponder, noiVu);

        // Unscreened: the agency the complaint is about sees nothing, not even in its inbox.
        foreach (var staff in new[] { responder, head })
        {
            var denied = await staff.GetAsync(page);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.DoesNotContain("Phạm Thị Bình", await denied.Content.ReadAsStringAsync());
            Assert.False(await InboxListsAsync(staff, stored.Id));
        }

        // The moderator sees what the citizen chose.
        var html = WebUtility.HtmlDecode(await moderator.GetStringAsync(page));
        Assert.Contains("Phản ánh về thái độ, hành vi của cán bộ", html);
        Assert.Matches(@"<dt>Cơ quan đề xuất</dt><dd>Sở Tư pháp[^<]*</dd>", html);
        Assert.Contains("<dt>Lĩnh vực</dt><dd>Chứng thực</dd>", html);
        Assert.Contains("<dt>Cơ quan xử lý</dt><dd>Chưa chuyển</dd>", html);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostFormAsync(page, new() { ["Input.Action"] = "Accept" })).StatusCode);
        // Accepted but not yet assigned: still the moderators' only.
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.GetAsync(page)).StatusCode);
        Assert.False(await InboxListsAsync(responder, stored.Id));

        // "Chuyển cơ quan xử lý" offers the suggestion, selected.
        html = await moderator.GetStringAsync(page);
        var assignForm = Regex.Match(html, @"<select id=""agency-Assign""[^>]*>(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches($@"<option value=""{tuPhap}"" selected=""selected"">[^<]*\(người gửi đề xuất\)</option>", WebUtility.HtmlDecode(assignForm));
        Assert.Single(Regex.Matches(assignForm, "selected=\"selected\""));

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostFormAsync(page, new() { ["Input.Action"] = "Assign", ["Input.AgencyId"] = tuPhap.ToString() })).StatusCode);
        foreach (var staff in new[] { responder, head })
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(page)).StatusCode);
            Assert.True(await InboxListsAsync(staff, stored.Id));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await otherResponder.GetAsync(page)).StatusCode);
        Assert.False(await InboxListsAsync(otherResponder, stored.Id));
    }
}
