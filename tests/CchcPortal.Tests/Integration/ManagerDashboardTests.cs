using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// /quan-tri shows each role what it acts on: moderators the queue, an agency's responders and heads their inbox
/// (only cases a moderator assigned to it), editors the news, administrators users and settings; never a link that
/// answers 403.
/// </summary>
public partial class ManagerDashboardTests
{
    private const string Password = "Staff!Passw0rd#2026";

    [GeneratedRegex("<main[^>]*>(.*?)</main>", RegexOptions.Singleline)]
    private static partial Regex MainContent();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    private static async Task<string> DashboardAsync(HttpClient client)
    {
        var response = await client.GetAsync("/quan-tri");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return MainContent().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    /// <summary>
    /// Today is Thursday 26/11/2026 (the factory's clock); three working days later is Tuesday 1/12. The agency
    /// "so-tu-phap" has four open assigned cases (one due soon, one overdue, one waiting for the citizen, one waiting
    /// for the head) and one answered; another agency has one due soon; three cases never reached an agency, though
    /// the citizen or an old row names "so-tu-phap".
    /// </summary>
    private static async Task SeedAsync(PortalFactory f, int tuPhap, int noiVu)
    {
        var today = new DateOnly(2026, 11, 26);
        var n = 0;
        QuestionCase Case(CaseStatus status, int? agency, DateOnly? answerDue, DateOnly? moderationDue = null) => new()
        {
            Code = $"HD-2026-{800000 + n++:000000}", SecretHash = "x", Kind = CaseKind.Question, Title = $"Câu hỏi thử {n}",
            Content = "Nội dung câu hỏi.", SubmitterName = "Nguyễn Văn Dân", SubmitterEmail = "dan@example.vn", Status = status,
            SubmittedAt = new DateTime(2026, 11, 2, 2, 0, 0, DateTimeKind.Utc), ModerationDue = moderationDue ?? new DateOnly(2026, 11, 3),
            SuggestedAgencyId = tuPhap, AgencyId = agency, AssignedAt = agency is null ? null : new DateTime(2026, 11, 4, 2, 0, 0, DateTimeKind.Utc),
            AnswerDue = answerDue,
        };
        var cases = new[]
        {
            Case(CaseStatus.Drafting, tuPhap, today.AddDays(1)),             // due soon
            Case(CaseStatus.Assigned, tuPhap, today.AddDays(-6)),            // overdue
            Case(CaseStatus.AwaitingApproval, tuPhap, today.AddDays(24)),    // waiting for the head
            Case(CaseStatus.NeedsInformation, tuPhap, today.AddDays(-6)),    // the clock is paused: not overdue
            Case(CaseStatus.Answered, tuPhap, today.AddDays(-10)),           // closed
            Case(CaseStatus.Drafting, noiVu, today.AddDays(1)),              // another agency's
            Case(CaseStatus.Submitted, null, null, today.AddDays(-1)),       // overdue for acceptance
            Case(CaseStatus.Submitted, null, null, today.AddDays(4)),
            Case(CaseStatus.Accepted, null, null),                           // accepted, not yet assigned
        };
        // Rows naming the agency without a moderator's assignment (as older submissions stored the form's choice).
        cases[7].AgencyId = tuPhap;
        cases[8].AgencyId = tuPhap;
        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.QuestionCases.AddRange(cases);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_dashboard_query_counts_the_moderation_queue_and_an_agency_inbox_by_the_inbox_rule()
    {
        using var f = new PortalFactory();
        var tuPhap = await f.AgencyIdAsync("so-tu-phap");
        var noiVu = await f.AgencyIdAsync("so-noi-vu");
        await SeedAsync(f, tuPhap, noiVu);

        using var scope = f.Services.CreateScope();
        var dashboard = scope.ServiceProvider.GetRequiredService<CaseDashboard>();
        Assert.Equal(new ModerationCounts(AwaitingAcceptance: 2, OverdueForAcceptance: 1, AwaitingAssignment: 1, InformationRequested: 1, Overdue: 2),
            await dashboard.ModerationAsync());
        var responder = new CaseHandlingService.Staff("u1", "Cán bộ", "", tuPhap, IsModerator: false, IsResponder: true, IsHead: false);
        Assert.Equal(new InboxCounts(Open: 4, DueSoon: 1, Overdue: 1, InformationRequested: 1, AwaitingApproval: 1), await dashboard.InboxAsync(responder));
        // A moderator who also answers for an agency counts that agency's inbox, not every case.
        Assert.Equal(new InboxCounts(1, 1, 0, 0, 0), await dashboard.InboxAsync(responder with { AgencyId = noiVu, IsModerator = true }));
    }

    [Fact]
    public async Task Each_role_sees_the_counts_it_acts_on()
    {
        using var f = new PortalFactory();
        var tuPhap = await f.AgencyIdAsync("so-tu-phap");
        var noiVu = await f.AgencyIdAsync("so-noi-vu");
        await SeedAsync(f, tuPhap, noiVu);

        var moderator = await DashboardAsync(await f.StaffAsync("kiemduyet@test.local", PortalRoles.Moderator));
        Assert.Contains("<strong>2</strong> hồ sơ chờ tiếp nhận", moderator);
        Assert.Contains("<strong>1</strong> hồ sơ quá hạn tiếp nhận", moderator);
        Assert.Contains("<strong>2</strong> hồ sơ quá hạn (mọi cơ quan)", moderator);
        Assert.Contains("href=\"/quan-tri/hoi-dap?trang-thai=Submitted\"", moderator);
        Assert.DoesNotContain("/quan-tri/bai-viet", moderator);

        var responder = await DashboardAsync(await f.StaffAsync("canbo.tp@test.local", PortalRoles.AgencyResponder, tuPhap));
        Assert.Contains("<strong>4</strong> hồ sơ đang xử lý", responder);
        Assert.Contains("<strong>1</strong> hồ sơ đến hạn trong 3 ngày làm việc", responder);
        Assert.Contains("<strong>1</strong> hồ sơ quá hạn", responder);
        Assert.DoesNotContain("chờ tiếp nhận", responder);
        Assert.DoesNotContain("chờ duyệt", responder);
        Assert.DoesNotContain("/quan-tri/bai-viet", responder);

        var head = await DashboardAsync(await f.StaffAsync("giamdoc.tp@test.local", PortalRoles.AgencyHead, tuPhap));
        Assert.Contains("<strong>1</strong> dự thảo trả lời chờ duyệt", head);
        Assert.Contains("href=\"/quan-tri/hoi-dap?trang-thai=AwaitingApproval\"", head);

        var noAgency = await DashboardAsync(await f.StaffAsync("canbo.moi@test.local", PortalRoles.AgencyResponder));
        Assert.Contains("chưa được gắn với cơ quan", noAgency);

        var editor = await DashboardAsync(await f.EditorAsync());
        Assert.Contains("tin bài bản nháp", editor);
        Assert.Contains("href=\"/quan-tri/bai-viet/sua\"", editor);
        Assert.DoesNotContain("/quan-tri/hoi-dap", editor);
        Assert.DoesNotContain("/quan-tri/nguoi-dung", editor);
    }

    [Fact]
    public async Task A_user_without_a_role_is_told_what_to_ask_the_administrator()
    {
        using var f = new PortalFactory();
        await f.EnsureUserAsync("moi@test.local", Password);
        var client = await f.SignedInAsync("moi@test.local", Password);

        var main = await DashboardAsync(client);
        Assert.Contains("chưa được giao vai trò nào", main);
        Assert.Contains("Đề nghị quản trị hệ thống giao vai trò", main);
        Assert.DoesNotMatch(Href(), main);
        // Every other manager page still needs a role.
        foreach (var page in new[] { "/quan-tri/hoi-dap", "/quan-tri/bai-viet", "/quan-tri/nguoi-dung" })
            Assert.Contains("/tai-khoan/khong-co-quyen", (await client.GetAsync(page)).Headers.Location!.ToString());
    }

    [Fact]
    public async Task Every_link_of_the_dashboard_opens_for_the_user_it_is_shown_to()
    {
        using var f = new PortalFactory();
        var tuPhap = await f.AgencyIdAsync("so-tu-phap");
        await SeedAsync(f, tuPhap, await f.AgencyIdAsync("so-noi-vu"));
        var clients = new (string Who, HttpClient Client)[]
        {
            ("moderator", await f.StaffAsync("kiemduyet@test.local", PortalRoles.Moderator)),
            ("responder", await f.StaffAsync("canbo.tp@test.local", PortalRoles.AgencyResponder, tuPhap)),
            ("head", await f.StaffAsync("giamdoc.tp@test.local", PortalRoles.AgencyHead, tuPhap)),
            ("editor", await f.EditorAsync()),
            ("administrator", await f.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword)),
        };
        var failures = new List<string>();
        foreach (var (who, client) in clients)
        {
            var links = Href().Matches(await DashboardAsync(client)).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
            if (links.Count == 0) failures.Add($"{who}: no link");
            foreach (var link in links)
            {
                var status = (await client.GetAsync(link)).StatusCode;
                if (status != HttpStatusCode.OK) failures.Add($"{who}: {link} answers {(int)status}");
            }
        }
        Assert.Empty(failures);
    }
}
