using System.Net;
using System.Text;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Audit;

/// <summary>
/// What staff do is in the audit log, with the actor, the client address and the before/after of what changed;
/// administrators (only they) read it at /quan-tri/nhat-ky, filter it and export it to CSV, and the export is logged too.
/// </summary>
public class AuditTrailTests
{
    private const string ClientAddress = "203.0.113.7";

    /// <summary>The real app, every request coming from <see cref="ClientAddress"/>.</summary>
    private static PortalFactory NewFactory() =>
        new(services: s => s.AddTransient<IStartupFilter, FixedClientAddress>(), servicesActPerRequest: true);

    private sealed class FixedClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ClientAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static async Task<List<AuditEntry>> EntriesAsync(PortalFactory f, string action)
    {
        using var scope = f.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync();
    }

    private static async Task<string> UserIdAsync(PortalFactory f, string email)
    {
        using var scope = f.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email))!.Id;
    }

    [Fact]
    public async Task A_role_change_records_the_roles_before_and_after_with_the_administrator_and_the_client_address()
    {
        using var f = NewFactory();
        await f.EnsureUserAsync("bientap.vaitro@test.local", PortalFactory.StaffPassword, PortalRoles.Editor);
        var id = await UserIdAsync(f, "bientap.vaitro@test.local");
        var admin = await f.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var response = await admin.PostFormAsync($"/quan-tri/nguoi-dung/{id}?handler=Roles",
            new() { ["Roles"] = PortalRoles.Moderator }, $"/quan-tri/nguoi-dung/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var entry = Assert.Single(await EntriesAsync(f, AuditActions.UserRolesChanged));
        Assert.Equal(PortalFactory.AdminEmail, entry.UserName);
        Assert.Equal(await UserIdAsync(f, PortalFactory.AdminEmail), entry.UserId);
        Assert.Equal(ClientAddress, entry.Address);
        Assert.Equal($"User:{id}", entry.Target);
        Assert.Equal("{\"Roles\":{\"before\":\"" + PortalRoles.Editor + "\",\"after\":\"" + PortalRoles.Moderator + "\"}}", entry.Changes);
        Assert.Contains("bientap.vaitro@test.local", entry.Summary);
    }

    [Fact]
    public async Task Every_view_of_a_case_page_by_a_moderator_records_a_personal_data_view()
    {
        using var f = NewFactory();
        int caseId;
        using (var scope = f.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = f.Clock.GetUtcNow().UtcDateTime;
            var c = new QuestionCase
            {
                Code = "HD-2026-990001", SecretHash = "x", Kind = CaseKind.ConductFeedback, Title = "Phản ánh thái độ cán bộ",
                Content = "Cán bộ tiếp nhận hồ sơ gây khó dễ.", SubmitterName = "Nguyễn Văn Dân", SubmitterPhone = "0912 345 678",
                SubmitterEmail = "dan@example.vn", SubmitterArea = "Phường Tân Lợi", Status = CaseStatus.Submitted, SubmittedAt = now.AddDays(-1),
                ModerationDue = DateOnly.FromDateTime(now.AddDays(2)),
            };
            db.QuestionCases.Add(c);
            await db.SaveChangesAsync();
            caseId = c.Id;
        }
        var moderator = await f.StaffAsync("kiemduyet.nhatky@test.local", PortalRoles.Moderator);

        var page = await moderator.GetStringAsync($"/quan-tri/hoi-dap/{caseId}");
        Assert.Contains("0912 345 678", page);
        await moderator.GetStringAsync($"/quan-tri/hoi-dap/{caseId}");

        var views = await EntriesAsync(f, AuditActions.CasePersonalDataViewed);
        Assert.Equal(2, views.Count);
        Assert.All(views, v =>
        {
            Assert.Equal("kiemduyet.nhatky@test.local", v.UserName);
            Assert.Equal($"QuestionCase:{caseId}", v.Target);
            Assert.Equal(ClientAddress, v.Address);
            Assert.DoesNotContain("0912", v.Summary + v.Changes);
        });

        // A refused move shows the page again, with the asker's data: a view too (the form page read for its token is another).
        var refused = await moderator.PostFormAsync($"/quan-tri/hoi-dap/{caseId}", new() { ["Input.Action"] = nameof(CaseAction.Approve) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("0912 345 678", await refused.Content.ReadAsStringAsync());
        Assert.Equal(4, (await EntriesAsync(f, AuditActions.CasePersonalDataViewed)).Count);
    }

    [Fact]
    public async Task A_staff_edit_of_a_news_post_records_the_changed_fields_and_only_a_digest_of_the_long_body()
    {
        using var f = NewFactory();
        int categoryId;
        using (var scope = f.Services.CreateScope())
            categoryId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.OrderBy(c => c.Id).FirstAsync()).Id;
        var body = "<p>" + string.Concat(Enumerable.Repeat("Người dân nộp hồ sơ trực tuyến qua Cổng dịch vụ công. ", 10)) + "</p>";
        Dictionary<string, string> Fields(string title) => new()
        {
            ["Input.Title"] = title, ["Input.Summary"] = "", ["Input.BodyHtml"] = body, ["Input.CategoryId"] = categoryId.ToString(), ["Input.Tags"] = "",
        };
        var editor = await f.EditorAsync();
        Assert.Equal(HttpStatusCode.Redirect,
            (await editor.PostFormAsync("/quan-tri/bai-viet/sua?handler=Save", Fields("Tin nhật ký bản đầu"), "/quan-tri/bai-viet/sua")).StatusCode);
        int postId;
        using (var scope = f.Services.CreateScope())
            postId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Posts.SingleAsync(p => p.Title == "Tin nhật ký bản đầu")).Id;

        var editUrl = $"/quan-tri/bai-viet/sua/{postId}";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"{editUrl}?handler=Save", Fields("Tin nhật ký đã sửa"), editUrl)).StatusCode);

        var entries = (await EntriesAsync(f, AuditActions.ContentChanged)).Where(e => e.Target == $"Post:{postId}").ToList();
        Assert.Equal(2, entries.Count);
        var (created, edited) = (entries[0], entries[1]);
        Assert.StartsWith("Thêm tin bài", created.Summary);
        Assert.Contains("SHA-256", created.Changes);
        Assert.DoesNotContain("Cổng dịch vụ công", created.Changes);
        Assert.Equal(PortalFactory.EditorEmail, edited.UserName);
        Assert.Equal(ClientAddress, edited.Address);
        Assert.Contains("“Tin nhật ký đã sửa”", edited.Summary);
        Assert.Contains("\"Title\":{\"before\":\"Tin nhật ký bản đầu\",\"after\":\"Tin nhật ký đã sửa\"}", edited.Changes);
        Assert.DoesNotContain("BodyHtml", edited.Changes);
        // No revision rows or change-feed rows in the log: only what staff changed.
        Assert.DoesNotContain(await EntriesAsync(f, AuditActions.ContentChanged), e => e.Target.StartsWith("PostRevision:") || e.Target.StartsWith("ContentChange:"));
    }

    [Fact]
    public async Task Every_move_of_a_case_is_recorded_with_its_status_and_agency_and_never_the_citizens_data()
    {
        using var f = NewFactory();
        var c = await AnsweringCase.StartAsync(f);
        const string draft = "<p>Chị Lan mang căn cước đến Sở Tư pháp để làm phiếu lý lịch tư pháp.</p>";
        Assert.Equal(HttpStatusCode.Redirect, (await c.ActAsync(c.Responder, new() { ["Input.Action"] = "SaveDraft", ["Input.DraftHtml"] = draft })).StatusCode);

        var moves = (await EntriesAsync(f, AuditActions.CaseChanged)).Where(e => e.Target == $"QuestionCase:{c.Id}").ToList();
        Assert.Equal(4, moves.Count);
        Assert.Contains("\"Status\":{\"before\":\"Submitted\",\"after\":\"Accepted\"}", moves[0].Changes);
        Assert.Equal("kd@test.local", moves[0].UserName);
        Assert.Contains("\"AgencyId\":{\"before\":null,\"after\":" + await f.AgencyIdAsync("so-tu-phap") + "}", moves[1].Changes);
        Assert.Equal("cb@test.local", moves[3].UserName);
        Assert.Contains("\"DraftHtml\"", moves[3].Changes);
        Assert.Contains(c.Code, moves[3].Summary);
        using var scope = f.Services.CreateScope();
        var everything = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking().ToListAsync();
        Assert.DoesNotContain(everything, e => (e.Summary + e.Changes).Contains("Nguyễn Thị Lan") || (e.Summary + e.Changes).Contains("lan@example.vn") || (e.Summary + e.Changes).Contains("Chị Lan"));
    }

    [Fact]
    public async Task A_settings_change_records_the_changed_field()
    {
        using var f = NewFactory();
        var admin = await f.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var form = await admin.BrowserFormAsync("/quan-tri/cai-dat", "main form[method=post]");
        var before = form.First(x => x.Key == "Input.SiteName").Value;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/quan-tri/cai-dat", new FormUrlEncodedContent(form.With("Input.SiteName", "Cổng CCHC tỉnh Đắk Lắk")))).StatusCode);

        var entry = Assert.Single(await EntriesAsync(f, AuditActions.SettingsChanged));
        Assert.Equal(PortalFactory.AdminEmail, entry.UserName);
        Assert.StartsWith("SiteSettings:", entry.Target);
        Assert.Contains("\"SiteName\":{\"before\":\"" + before + "\",\"after\":\"Cổng CCHC tỉnh Đắk Lắk\"}", entry.Changes);
    }

    [Fact]
    public async Task Only_administrators_may_open_the_log_or_export_it()
    {
        using var f = NewFactory();
        var editor = await f.EditorAsync();
        var moderator = await f.StaffAsync("kiemduyet.quyen@test.local", PortalRoles.Moderator);
        foreach (var client in new[] { editor, moderator })
            foreach (var url in new[] { "/quan-tri/nhat-ky", "/quan-tri/nhat-ky?handler=Export" })
            {
                var denied = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
                Assert.StartsWith("/tai-khoan/khong-co-quyen", denied.Headers.Location!.OriginalString);
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(denied.Headers.Location)).StatusCode);
            }
        Assert.Empty(await EntriesAsync(f, AuditActions.Exported));
        Assert.DoesNotContain("/quan-tri/nhat-ky", await editor.GetStringAsync("/quan-tri"));

        var admin = await f.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        Assert.Contains("href=\"/quan-tri/nhat-ky\"", await admin.GetStringAsync("/quan-tri"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/quan-tri/nhat-ky")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await f.Anonymous().GetAsync("/quan-tri/nhat-ky")).StatusCode);
    }

    /// <summary>Entries straight into the store: two old ones, then three days later three new ones.</summary>
    private static async Task SeedAsync(PortalFactory f)
    {
        using (var scope = f.Services.CreateScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await log.RecordForAsync("u-old", "cu@test.local", AuditActions.SettingsChanged, "SiteSettings:1", "Mục cũ một");
            await log.RecordForAsync("u-old", "cu@test.local", AuditActions.UserChanged, "User:cu", "Mục cũ hai");
        }
        f.Clock.Advance(TimeSpan.FromDays(3));
        using (var scope = f.Services.CreateScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await log.RecordForAsync("u-new", "moi@test.local", AuditActions.SettingsChanged, "SiteSettings:1", "=HYPERLINK(\"http://x.example\",\"Mục mới một\")");
            await log.RecordForAsync("u-new", "moi@test.local", AuditActions.ContentChanged, "Post:7", "Mục mới hai");
            await log.RecordForAsync("u-other", "khac@test.local", AuditActions.ContentChanged, "Post:8", "Mục mới ba");
        }
    }

    [Fact]
    public async Task The_filters_narrow_the_list_and_a_bad_filter_gets_a_Vietnamese_message()
    {
        using var f = NewFactory();
        await SeedAsync(f);
        var admin = await f.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var all = await admin.GetStringAsync("/quan-tri/nhat-ky");
        foreach (var summary in new[] { "Mục cũ một", "Mục cũ hai", "Mục mới hai", "Mục mới ba" }) Assert.Contains(summary, all);
        Assert.True(all.IndexOf("Mục mới ba", StringComparison.Ordinal) < all.IndexOf("Mục cũ một", StringComparison.Ordinal), "newest first");

        var today = DateOnly.FromDateTime(f.Clock.GetUtcNow().UtcDateTime.AddHours(7)).ToString("yyyy-MM-dd");
        var byDate = await admin.GetStringAsync($"/quan-tri/nhat-ky?tu-ngay={today}&den-ngay={today}");
        Assert.Contains("Mục mới hai", byDate);
        Assert.DoesNotContain("Mục cũ một", byDate);

        var byAccountAndAction = await admin.GetStringAsync($"/quan-tri/nhat-ky?tai-khoan=moi%40test&hanh-dong={AuditActions.ContentChanged}");
        Assert.Contains("Mục mới hai", byAccountAndAction);
        Assert.DoesNotContain("Mục mới ba", byAccountAndAction);
        Assert.DoesNotContain("Mục cũ hai", byAccountAndAction);

        var byTarget = await admin.GetStringAsync("/quan-tri/nhat-ky?doi-tuong=Post%3A8");
        Assert.Contains("Mục mới ba", byTarget);
        Assert.DoesNotContain("Mục mới hai", byTarget);

        var badRange = await admin.GetAsync($"/quan-tri/nhat-ky?tu-ngay={today}&den-ngay=2020-01-01");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badRange.StatusCode);
        Assert.Contains("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", await badRange.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.GetAsync("/quan-tri/nhat-ky?tu-ngay=hom-qua")).StatusCode);
    }

    [Fact]
    public async Task The_CSV_export_has_a_header_and_the_filtered_rows_neutralises_formulas_and_is_itself_logged()
    {
        using var f = NewFactory();
        await SeedAsync(f);
        var admin = await f.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var response = await admin.GetAsync("/quan-tri/nhat-ky?tai-khoan=moi%40test.local&handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Thời điểm (giờ Việt Nam),Tài khoản,Mã tài khoản,Địa chỉ,Hành động,Mã hành động,Đối tượng,Mô tả,Thay đổi", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("Mục mới hai") && l.Contains("Post:7"));
        Assert.DoesNotContain(lines, l => l.Contains("Mục mới ba") || l.Contains("Mục cũ"));
        var formula = Assert.Single(lines, l => l.Contains("HYPERLINK"));
        Assert.Contains("'=HYPERLINK", formula);
        Assert.DoesNotContain(",=HYPERLINK", formula);
        Assert.DoesNotContain(",\"=HYPERLINK", formula);

        var export = Assert.Single(await EntriesAsync(f, AuditActions.Exported));
        Assert.Equal(PortalFactory.AdminEmail, export.UserName);
        Assert.Equal(ClientAddress, export.Address);
        Assert.Equal("AuditLog", export.Target);
        Assert.Contains("2 dòng", export.Summary);
        Assert.Contains("moi@test.local", export.Summary);
    }
}
