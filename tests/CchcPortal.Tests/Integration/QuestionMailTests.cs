using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.Questions;
using CchcPortal.Web.Features.Notifications;
using CchcPortal.Web.Features.Questions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CchcPortal.Tests.Integration;

/// <summary>E-mail of the question workflow through the real app: outbox rows, the sender, the pickup folder, the digest.</summary>
public class QuestionMailTests
{
    private const string CitizenEmail = "thuhuong@example.vn";

    private sealed record Mail(string To, string Subject, string Body);

    /// <summary>Delivers everything due, then reads every message in the pickup folder.</summary>
    private static async Task<List<Mail>> MailboxAsync(PortalFactory f)
    {
        await f.Services.GetRequiredService<OutboxSender>().FlushAsync();
        if (!Directory.Exists(f.MailPickupPath)) return [];
        return Directory.GetFiles(f.MailPickupPath, "*.eml").Order().Select(path =>
        {
            var m = MimeMessage.Load(path);
            return new Mail(m.To.Mailboxes.Single().Address, m.Subject ?? "", m.TextBody ?? "");
        }).ToList();
    }

    private static async Task<string> StaffUserAsync(PortalFactory f, string email, string role, int? agencyId = null, string fullName = "")
    {
        await f.EnsureUserAsync(email, PortalFactory.StaffPassword, role);
        using var scope = f.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.AgencyId = agencyId;
        if (fullName.Length > 0) user.FullName = fullName;
        await users.UpdateAsync(user);
        return user.Id;
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, int caseId, Dictionary<string, string> fields) =>
        client.PostFormAsync($"/quan-tri/hoi-dap/{caseId}", fields, "/quan-tri/doi-mat-khau");

    private static async Task<(string Code, string Secret, int Id)> SubmitAsync(PortalFactory f, string? email, string title = "Thủ tục cấp đổi giấy phép lái xe hết hạn")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Question", ["Input.Title"] = title,
            ["Input.Content"] = "Giấy phép lái xe hạng B2 của tôi sắp hết hạn, xin hỏi hồ sơ cấp đổi gồm những gì và nộp ở đâu?",
            ["Input.Name"] = "Đỗ Thị Thu Hương", ["Input.Phone"] = "0905 112 233", ["Input.Area"] = "Xã Hòa Thắng", ["Input.ConsentToPublish"] = "true",
        };
        if (email is not null) fields["Input.Email"] = email;
        var response = await f.Anonymous().PostQuestionAsync(fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var code = Regex.Match(html, @"HD-\d{4}-\d{6}").Value;
        var secret = Regex.Match(html, @"Mã bí mật: <strong class=""big-number"">([0-9a-f]{16})</strong>").Groups[1].Value;
        using var scope = f.Services.CreateScope();
        var id = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Code == code)).Id;
        return (code, secret, id);
    }

    [Fact]
    public async Task The_citizen_and_the_agency_get_mail_at_each_step_and_the_secret_only_once()
    {
        using var f = new PortalFactory();
        var (code, secret, caseId) = await SubmitAsync(f, CitizenEmail);
        Assert.Equal(16, secret.Length);

        var confirmation = Assert.Single(await MailboxAsync(f));
        Assert.Equal(CitizenEmail, confirmation.To);
        Assert.Contains(code, confirmation.Subject);
        Assert.Contains($"Mã hồ sơ: {code}", confirmation.Body);
        Assert.Contains($"Mã bí mật: {secret}", confirmation.Body);
        Assert.Contains("http://localhost:5000/hoi-dap/tra-cuu", confirmation.Body);
        Assert.Contains("Kính gửi Ông/Bà Đỗ Thị Thu Hương,", confirmation.Body);

        var tuPhap = await f.AgencyIdAsync("so-tu-phap");
        var noiVu = await f.AgencyIdAsync("so-noi-vu");
        var moderator = await f.StaffAsync("kiemduyet@test.local", PortalRoles.Moderator);
        var responder = await f.StaffAsync("canbo.tp@test.local", PortalRoles.AgencyResponder, tuPhap, fullName: "Nguyễn Cán Bộ");
        var head = await f.StaffAsync("giamdoc.tp@test.local", PortalRoles.AgencyHead, tuPhap, fullName: "Trần Giám Đốc");
        await StaffUserAsync(f, "canbo.nv@test.local", PortalRoles.AgencyResponder, noiVu);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(moderator, caseId, new() { ["Input.Action"] = "Accept" })).StatusCode);
        var accepted = Assert.Single((await MailboxAsync(f)).Skip(1));
        Assert.Equal(CitizenEmail, accepted.To);
        Assert.Contains("đã được tiếp nhận", accepted.Subject);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(moderator, caseId, new() { ["Input.Action"] = "Assign", ["Input.AgencyId"] = tuPhap.ToString() })).StatusCode);
        var assigned = (await MailboxAsync(f)).Skip(2).ToList();
        Assert.Equal(["canbo.tp@test.local", "giamdoc.tp@test.local"], assigned.Select(m => m.To).Order());
        Assert.All(assigned, m => Assert.Contains($"http://localhost:5000/quan-tri/hoi-dap/{caseId}", m.Body));
        Assert.Contains("Kính gửi đồng chí Nguyễn Cán Bộ,", assigned.Single(m => m.To == "canbo.tp@test.local").Body);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "StartDrafting", ["Input.DraftHtml"] = "<p>Nháp</p>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, caseId, new() { ["Input.Action"] = "SubmitForApproval",
            ["Input.DraftHtml"] = "<p>Hồ sơ cấp đổi nộp trực tuyến trên Cổng dịch vụ công quốc gia, kèm giấy khám sức khỏe.</p>" })).StatusCode);
        var awaiting = Assert.Single((await MailboxAsync(f)).Skip(4));
        Assert.Equal("giamdoc.tp@test.local", awaiting.To);
        Assert.Contains("chờ duyệt", awaiting.Subject);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(head, caseId, new() { ["Input.Action"] = "Approve" })).StatusCode);
        var all = await MailboxAsync(f);
        var answered = Assert.Single(all.Skip(5));
        Assert.Equal(CitizenEmail, answered.To);
        Assert.Contains($"http://localhost:5000/hoi-dap/cau-hoi/{code}", answered.Body);

        // The secret was in the confirmation only; staff mail carries no contact of the citizen; the other agency got nothing.
        Assert.Single(all, m => m.Body.Contains(secret));
        Assert.DoesNotContain(all, m => m.To == "canbo.nv@test.local");
        foreach (var staffMail in all.Where(m => m.To != CitizenEmail))
        {
            Assert.DoesNotContain("Thu Hương", staffMail.Body);
            Assert.DoesNotContain("0905 112 233", staffMail.Body);
            Assert.DoesNotContain(CitizenEmail, staffMail.Body);
        }
        using var scope = f.Services.CreateScope();
        Assert.All(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutgoingEmails.ToListAsync(), m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task Without_an_email_address_the_citizen_gets_no_mail()
    {
        using var f = new PortalFactory();
        var (_, _, caseId) = await SubmitAsync(f, email: null);
        var moderator = await f.StaffAsync("kd@test.local", PortalRoles.Moderator);
        await ActAsync(moderator, caseId, new() { ["Input.Action"] = "Reject", ["Input.Reason"] = "OutOfScope" });
        Assert.Empty(await MailboxAsync(f));
        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(CaseStatus.Rejected, (await db.QuestionCases.SingleAsync(c => c.Id == caseId)).Status);
        Assert.Equal(0, await db.OutgoingEmails.CountAsync());
    }

    [Fact]
    public async Task Each_head_gets_one_overdue_digest_a_day_counted_in_working_days_across_a_holiday()
    {
        using var f = new PortalFactory();
        var tuPhap = await f.AgencyIdAsync("so-tu-phap");
        using (var scope = f.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<HolidayService>().AddAsync(new DateOnly(2026, 12, 2), "Ngày nghỉ thử nghiệm")).Succeeded);
        var moderator = await f.StaffAsync("kd@test.local", PortalRoles.Moderator, fullName: "Lê Kiểm Duyệt");
        var headId = await StaffUserAsync(f, "giamdoc.tp@test.local", PortalRoles.AgencyHead, tuPhap, "Trần Giám Đốc");
        var moderatorId = await StaffUserAsync(f, "kd@test.local", PortalRoles.Moderator);

        // Submitted and assigned on Thursday 26/11/2026: 10 working days, skipping the weekends and 02/12, end on Friday 11/12.
        var (assignedCode, _, assignedId) = await SubmitAsync(f, email: null);
        await ActAsync(moderator, assignedId, new() { ["Input.Action"] = "Accept" });
        await ActAsync(moderator, assignedId, new() { ["Input.Action"] = "Assign", ["Input.AgencyId"] = tuPhap.ToString() });
        var (waitingCode, _, _) = await SubmitAsync(f, email: null, title: "Hỏi về lệ phí trước bạ khi sang tên xe máy");
        using (var scope = f.Services.CreateScope())
            Assert.Equal(new DateOnly(2026, 12, 11), (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Id == assignedId)).AnswerDue);

        var job = f.Services.GetRequiredService<OverdueDigestJob>();
        async Task<List<OutgoingEmail>> DigestsAsync()
        {
            using var scope = f.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutgoingEmails.Where(m => m.DedupKey != null).OrderBy(m => m.Id).ToListAsync();
        }

        // Friday 11/12, 07:30 in Vietnam: the answer is due today (not overdue); the unmoderated case is.
        f.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 0, 30, 0, TimeSpan.Zero));
        await job.RunOnceAsync();
        var friday = await DigestsAsync();
        var moderation = Assert.Single(friday);
        Assert.Equal(OverdueDigest.ModeratorKey(new DateOnly(2026, 12, 11), moderatorId), moderation.DedupKey);
        Assert.Contains(waitingCode, moderation.BodyText);
        Assert.DoesNotContain(assignedCode, moderation.BodyText);

        // Monday 14/12: one working day late. Run twice (a restart, a second node): still one digest per person.
        f.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 0, 30, 0, TimeSpan.Zero));
        await job.RunOnceAsync();
        Assert.Equal(0, await job.RunOnceAsync());
        var monday = (await DigestsAsync()).Skip(1).ToList();
        Assert.Equal(2, monday.Count);
        var headDigest = Assert.Single(monday, m => m.DedupKey == OverdueDigest.HeadKey(new DateOnly(2026, 12, 14), headId));
        Assert.Equal("giamdoc.tp@test.local", headDigest.To);
        Assert.Contains(assignedCode, headDigest.BodyText);
        Assert.Contains("quá 1 ngày làm việc", headDigest.BodyText);
        Assert.DoesNotContain(waitingCode, headDigest.BodyText);
        Assert.DoesNotContain("Thu Hương", headDigest.BodyText);

        var delivered = (await MailboxAsync(f)).Where(m => m.To == "giamdoc.tp@test.local" && m.Subject.Contains("quá hạn")).ToList();
        Assert.Contains(assignedCode, Assert.Single(delivered).Body);
    }

    [Fact]
    public async Task A_failing_mail_server_keeps_the_row_with_its_error_and_an_administrator_can_retry()
    {
        using var f = new PortalFactory(settings: new Dictionary<string, string> { ["Portal:Smtp:Host"] = "127.0.0.1", ["Portal:Smtp:Port"] = "1" });
        await SubmitAsync(f, CitizenEmail);
        var sender = f.Services.GetRequiredService<OutboxSender>();
        await sender.FlushAsync();

        async Task<OutgoingEmail> RowAsync()
        {
            using var scope = f.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutgoingEmails.SingleAsync();
        }
        var row = await RowAsync();
        Assert.Null(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.NotEqual("", row.LastError);
        Assert.False(Directory.Exists(f.MailPickupPath) && Directory.GetFiles(f.MailPickupPath).Length > 0);

        // Backing off: no new attempt at once; one after the wait.
        await sender.FlushAsync();
        Assert.Equal(1, (await RowAsync()).Attempts);
        f.Clock.Advance(Outbox.Backoff(1) + TimeSpan.FromSeconds(1));
        await sender.FlushAsync();
        Assert.Equal(2, (await RowAsync()).Attempts);

        // The outbox page shows it to administrators, with a retry that needs the antiforgery token.
        var admin = await f.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/cai-dat/thu-di"));
        // The citizen's address masked: enough to tell messages and domains apart, not to read it.
        Assert.DoesNotContain(CitizenEmail, page);
        Assert.Contains(FailingMail.MaskAddress(CitizenEmail), page);
        Assert.Contains("Đang thử lại", page);
        Assert.Contains("Gửi lại", page);
        Assert.DoesNotContain("Mã bí mật:", page);
        var noToken = await admin.PostAsync("/quan-tri/cai-dat/thu-di?handler=Retry", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = row.Id.ToString() }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var retried = await admin.PostFormAsync("/quan-tri/cai-dat/thu-di?handler=Retry", new() { ["id"] = row.Id.ToString() }, "/quan-tri/cai-dat/thu-di");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        await sender.FlushAsync();
        Assert.Equal(1, (await RowAsync()).Attempts); // counted afresh: reset to 0, then one more failed try
        var editor = await f.EditorAsync();
        var denied = await editor.GetAsync("/quan-tri/cai-dat/thu-di");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/tai-khoan/khong-co-quyen", denied.Headers.Location!.ToString());
    }
}
