using CchcPortal.Core.Audit;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.Settings;
using Microsoft.AspNetCore.Identity;

namespace CchcPortal.Web.Features.Identity;

/// <summary>
/// "Quên mật khẩu?": queues, through the outbox, a link carrying Identity's reset token (valid <see cref="TokenLifespan"/>,
/// single use: the reset renews the security stamp the token was made with). Known and unknown addresses take the
/// same steps (a lookup and an audit row) and get the same answer.
/// </summary>
public sealed class PasswordResetMail(UserManager<PortalUser> users, PortalDbContext db, OutboxSignal signal, PublicAddress address,
    SiteSettingsService settings, AuditLog audit, TimeProvider time)
{
    public const string Path = "/tai-khoan/dat-lai-mat-khau";
    public static readonly TimeSpan TokenLifespan = TimeSpan.FromHours(1);

    public async Task RequestAsync(string email, CancellationToken ct = default)
    {
        var typed = email.Trim();
        var user = await users.FindByEmailAsync(typed);
        await audit.RecordForAsync(user?.Id, typed, AuditActions.PasswordResetRequested,
            summary: user is null ? "Không có tài khoản với địa chỉ này; không gửi thư." : "Đã gửi thư đặt lại mật khẩu.", ct: ct);
        if (user?.Email is not { Length: > 0 } to) return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = address.Absolute($"{Path}?id={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
        var site = await settings.GetAsync(ct);
        db.OutgoingEmails.Add(new OutgoingEmail
        {
            To = to,
            Subject = $"Đặt lại mật khẩu – {site.SiteName}",
            BodyText = $"""
                Xin chào {(user.FullName.Length > 0 ? user.FullName : to)},

                Có yêu cầu đặt lại mật khẩu cho tài khoản {to} trên {site.SiteName}.
                Để đặt mật khẩu mới, mở liên kết sau (có hiệu lực trong {TokenLifespan.TotalMinutes:0} phút và chỉ dùng được một lần):

                {link}

                Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.
                """,
            Purpose = "password-reset",
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }
}
