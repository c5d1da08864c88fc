using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Identity;
using CchcPortal.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using static CchcPortal.Tests.Integration.Accounts.AccountTestSupport;

namespace CchcPortal.Tests.Integration.Accounts;

/// <summary>"Quên mật khẩu?": the same answer for any address, a single-use link through the outbox, sessions ended.</summary>
public partial class PasswordResetTests
{
    private const string Email = "quen-mat-khau@test.local", NewPassword = "M0i!Dat-Lai#2026";

    [GeneratedRegex(@"http://\S+/tai-khoan/dat-lai-mat-khau\?id=[^&\s]+&token=\S+")] private static partial Regex LinkPattern();

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_ends_every_session()
    {
        using var factory = Portal();
        var session = await factory.StaffAsync(Email, PortalRoles.Editor);
        var anonymous = factory.From("10.2.0.1");
        Assert.Contains("href=\"/tai-khoan/quen-mat-khau\"", await anonymous.GetStringAsync("/tai-khoan/dang-nhap"));

        var known = await anonymous.PostFormAsync("/tai-khoan/quen-mat-khau", new() { ["Email"] = Email });
        var unknown = await anonymous.PostFormAsync("/tai-khoan/quen-mat-khau", new() { ["Email"] = "khong-co@test.local" });
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(Notice(await known.Content.ReadAsStringAsync()), Notice(await unknown.Content.ReadAsStringAsync()));
        Assert.Contains("có hiệu lực trong 60 phút", Notice(await known.Content.ReadAsStringAsync()));

        await factory.Services.GetRequiredService<OutboxSender>().FlushAsync();
        var mails = Directory.GetFiles(factory.MailPickupPath, "*.eml").Select(p => MimeMessage.Load(p)).ToList();
        var mail = Assert.Single(mails);
        Assert.Equal(Email, mail.To.Mailboxes.Single().Address);
        var link = new Uri(LinkPattern().Match(mail.TextBody).Value);
        Assert.Equal(2, (await factory.AuditAsync(AuditActions.PasswordResetRequested)).Count);

        var mismatch = await anonymous.PostFormAsync(link.PathAndQuery, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = "khác" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
        Assert.Contains("Mật khẩu nhập lại không khớp.", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync()));
        var weak = await anonymous.PostFormAsync(link.PathAndQuery, new() { ["NewPassword"] = "ngan", ["ConfirmPassword"] = "ngan" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);

        var reset = await anonymous.PostFormAsync(link.PathAndQuery, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("Đã đặt lại mật khẩu", await anonymous.GetStringAsync(PathOf(reset)));
        Assert.Single(await factory.AuditAsync(AuditActions.PasswordReset));

        // The session signed in before the reset has ended; the link is spent; the new password works.
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.StartsWith("/tai-khoan/dang-nhap", PathOf(await session.GetAsync("/quan-tri")));
        var reused = await anonymous.PostFormAsync(link.PathAndQuery, new() { ["NewPassword"] = "Lan!Hai#Passw0rd9", ["ConfirmPassword"] = "Lan!Hai#Passw0rd9" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("đã được dùng hoặc đã hết hạn", WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync()));
        Assert.Equal("/quan-tri", PathOf(await factory.From("10.2.0.2").SignInAsync(Email, NewPassword)));
    }

    [Fact]
    public async Task A_made_up_link_is_refused_with_a_message_and_the_token_lives_one_hour()
    {
        using var factory = Portal();
        var client = factory.From("10.2.1.1");
        var forged = await client.PostFormAsync("/tai-khoan/dat-lai-mat-khau?id=abc&token=xyz",
            new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword }, "/tai-khoan/dat-lai-mat-khau");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Contains("Liên kết đặt lại mật khẩu không hợp lệ", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()));
        Assert.Equal(TimeSpan.FromHours(1), factory.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan);
    }

    private static string Notice(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<p class=\"notice-box\" role=\"status\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value);
}
