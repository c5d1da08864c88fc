using System.Net;
using CchcPortal.Core.Data;
using CchcPortal.Core.Notifications;
using CchcPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>Addresses mail can never reach are refused by the forms, and an outbox row holding one is given up on at once.</summary>
public class UnsendableEmailTests
{
    // No space in it: the form's former check (an @, no space, 200 characters at most) let it through.
    private const string HeaderInjection = "a@b.vn\r\nBcc:x@y.vn";

    [Fact]
    public async Task The_question_form_refuses_an_address_with_a_line_break_and_gives_the_text_back()
    {
        using var factory = new PortalFactory();
        var response = await factory.Anonymous().PostQuestionAsync(new()
        {
            ["Input.Kind"] = "Question", ["Input.Title"] = "Hỏi về thủ tục cấp lại căn cước bị mất",
            ["Input.Content"] = "Tôi bị mất căn cước khi đi công tác, xin hỏi cấp lại ở đâu và cần giấy tờ gì?",
            ["Input.Name"] = "Trần Văn Hùng", ["Input.Email"] = HeaderInjection, ["Input.ConsentToPublish"] = "true",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Thư điện tử không hợp lệ.", html);
        Assert.Contains("Hỏi về thủ tục cấp lại căn cước bị mất", html);
        Assert.Contains("Tôi bị mất căn cước khi đi công tác", html);
        using var scope = factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.CountAsync());
    }

    [Fact]
    public async Task The_settings_and_new_user_forms_refuse_malformed_addresses_and_keep_what_was_stored()
    {
        using var factory = new PortalFactory();
        var admin = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var settings = (await admin.BrowserFormAsync("/quan-tri/cai-dat", "main form")).With("Input.Email", "vanphong@@daklak.gov.vn");
        var refused = await admin.PostAsync("/quan-tri/cai-dat", new FormUrlEncodedContent(settings));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Thư điện tử không hợp lệ.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        using (var scope = factory.Services.CreateScope())
            Assert.DoesNotContain("@@", (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SiteSettings.SingleAsync()).Email);

        var user = await admin.PostFormAsync("/quan-tri/nguoi-dung/tao-moi", new()
        {
            ["Email"] = "mai@daklak", ["FullName"] = "Lê Thị Mai", ["Password"] = "L3!Thi#Mai2026x", ["Roles"] = CchcPortal.Core.Identity.PortalRoles.Editor,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, user.StatusCode);
        var html = WebUtility.HtmlDecode(await user.Content.ReadAsStringAsync());
        Assert.Contains("Thư điện tử không hợp lệ.", html);
        Assert.Contains("Lê Thị Mai", html);
    }

    [Fact]
    public async Task An_outbox_row_with_a_malformed_address_fails_on_its_first_attempt_with_its_reason_shown()
    {
        using var factory = new PortalFactory();
        int id;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var row = new OutgoingEmail
            {
                To = HeaderInjection, Subject = "Xác nhận đã nhận câu hỏi", BodyText = "Cơ quan đã nhận câu hỏi của ông/bà.",
                Purpose = "case-received", CreatedAt = factory.Clock.GetUtcNow().UtcDateTime,
            };
            db.OutgoingEmails.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }
        var sender = factory.Services.GetRequiredService<OutboxSender>();
        await sender.FlushAsync();

        async Task<OutgoingEmail> RowAsync()
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutgoingEmails.SingleAsync(m => m.Id == id);
        }
        var failed = await RowAsync();
        Assert.Null(failed.SentAt);
        Assert.Equal(Outbox.MaxAttempts, failed.Attempts);
        Assert.Contains("Địa chỉ người nhận không hợp lệ", failed.LastError);

        // Never tried again, however long the sender waits.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await sender.FlushAsync();
        Assert.Equal(failed.LastError, (await RowAsync()).LastError);

        var admin = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/cai-dat/thu-di"));
        Assert.Contains("Ngừng gửi (lỗi)", page);
        Assert.Contains("Địa chỉ người nhận không hợp lệ, thư không thể gửi được.", page);
    }
}
