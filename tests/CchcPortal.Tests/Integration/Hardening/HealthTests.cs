using System.Net;
using System.Text.Json.Nodes;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Hardening;

/// <summary>An indexer or an outbox that keeps failing shows in /healthz (Degraded, still 200) and, item by item, to administrators.</summary>
public class HealthTests
{
    private const string Recipient = "nguyen.thi.lan@example.vn";

    private static async Task<JsonObject> HealthAsync(PortalFactory factory)
    {
        var response = await factory.Anonymous().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("@", body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static string Status(JsonObject health, string check) =>
        (string)health["checks"]!.AsArray().Single(c => (string)c!["name"]! == check)!["status"]!;

    [Fact]
    public async Task A_failing_indexer_and_outbox_turn_healthz_degraded_and_are_listed_for_administrators()
    {
        using var factory = new PortalFactory();
        await factory.WaitForSearchAsync();
        var healthy = await HealthAsync(factory);
        Assert.Equal("Healthy", (string)healthy["status"]!);
        Assert.Equal(["database", "outbox", "search-index"], healthy["checks"]!.AsArray().Select(c => (string)c!["name"]!).Order().ToArray());

        var now = factory.Clock.GetUtcNow().UtcDateTime;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.SearchIndexFailures.Add(new SearchIndexFailure
            {
                DocumentKey = "question:424242", Kind = "question", EntityId = 424242, Sequence = 1,
                Error = "Lucene: tài liệu quá lớn", FirstFailedAt = now, LastFailedAt = now, Attempts = 4,
            });
            db.OutgoingEmails.Add(new OutgoingEmail
            {
                To = Recipient, Subject = "Xác nhận", BodyText = "Mã bí mật: 0123456789abcdef", Purpose = "case-received", CreatedAt = now.AddHours(-12),
                Attempts = Outbox.MaxAttempts, LastError = $"550 5.1.1 <{Recipient}>: hộp thư không tồn tại",
            });
            db.OutgoingEmails.Add(new OutgoingEmail
            {
                To = "cu@example.vn", Subject = "Cũ", BodyText = "", Purpose = "old-failure", CreatedAt = now.AddDays(-30),
                Attempts = Outbox.MaxAttempts, LastError = "hết hạn",
            });
            await db.SaveChangesAsync();
        }

        var degraded = await HealthAsync(factory);
        Assert.Equal("Degraded", (string)degraded["status"]!);
        Assert.Equal("Healthy", Status(degraded, "database"));
        Assert.Equal("Degraded", Status(degraded, "search-index"));
        Assert.Equal("Degraded", Status(degraded, "outbox"));

        var admin = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var page = await admin.GetAsync("/quan-tri/cai-dat/tinh-trang");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Tình trạng hệ thống", html);
        Assert.Contains("question:424242", html);
        Assert.Contains("Lucene: tài liệu quá lớn", html);
        Assert.Contains("case-received", html);
        Assert.Contains("n***@example.vn", html);
        Assert.Contains("<n***@example.vn>: hộp thư không tồn tại", html);
        Assert.DoesNotContain(Recipient, html);
        Assert.DoesNotContain("0123456789abcdef", html);
        Assert.DoesNotContain("old-failure", html); // given up a month ago: no longer a sign of trouble
        Assert.Contains("href=\"/quan-tri/cai-dat/tim-kiem\"", html);
        Assert.Contains("href=\"/quan-tri/cai-dat/thu-di\"", html);
    }

    [Fact]
    public async Task Only_administrators_see_the_status_page()
    {
        using var factory = new PortalFactory();
        var anonymous = await factory.Anonymous().GetAsync("/quan-tri/cai-dat/tinh-trang");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/tai-khoan/dang-nhap", anonymous.Headers.Location!.OriginalString);

        var editor = await factory.EditorAsync();
        var denied = await editor.GetAsync("/quan-tri/cai-dat/tinh-trang");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/tai-khoan/khong-co-quyen", denied.Headers.Location!.OriginalString);
        var moderator = await factory.StaffAsync("kiemduyet@test.local", PortalRoles.Moderator);
        Assert.StartsWith("/tai-khoan/khong-co-quyen", (await moderator.GetAsync("/quan-tri/cai-dat/tinh-trang")).Headers.Location!.OriginalString);
    }

    [Fact]
    public void Addresses_are_masked_in_recipients_and_error_texts()
    {
        Assert.Equal("a***@b.vn", FailingMail.MaskAddress("an@b.vn"));
        Assert.Equal("***", FailingMail.MaskAddress("khong-phai-dia-chi"));
        Assert.Equal("RCPT <t***@x.gov.vn> refused; t***@y.vn too", FailingMail.MaskAddresses("RCPT <thu@x.gov.vn> refused; thu@y.vn too"));
    }
}
