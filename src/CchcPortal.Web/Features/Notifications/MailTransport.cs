using CchcPortal.Core.Common;
using CchcPortal.Core.Notifications;
using CchcPortal.Web.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CchcPortal.Web.Features.Notifications;

/// <summary>
/// Hands one outbox row to the mail server (Portal:Smtp), or, when no host is configured (development, tests),
/// writes it as an .eml file to the pickup folder under the data path.
/// </summary>
public sealed class MailTransport(IOptions<PortalOptions> options, PortalPaths paths, TimeProvider time)
{
    private static readonly MailboxAddress FallbackSender = new("Cổng thông tin CCHC", "no-reply@localhost");

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public async Task SendAsync(OutgoingEmail row, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var message = Build(row, smtp.From);
        if (UsesPickupFolder)
        {
            await WriteToPickupAsync(message, row.Id, ct);
            return;
        }
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = !smtp.EnableSsl ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host.Trim(), smtp.Port, security, ct);
        if (smtp.User.Length > 0) await client.AuthenticateAsync(smtp.User, smtp.Password, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    /// <summary>
    /// Failures no retry can mend: a recipient address that cannot be parsed, or a mail server refusing the recipient
    /// or the message with a 5xx reply. A refused sender or login (also 5xx) is the portal's configuration, and
    /// connection errors pass: those keep the back-off.
    /// </summary>
    public static bool IsPermanent(Exception ex) => ex switch
    {
        UndeliverableMailException or ParseException => true,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } smtp => (int)smtp.StatusCode >= 500,
        _ => false,
    };

    private MimeMessage Build(OutgoingEmail row, string from)
    {
        if (!EmailAddresses.IsValid(row.To)) throw new UndeliverableMailException("Địa chỉ người nhận không hợp lệ, thư không thể gửi được.");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.TryParse(from, out var sender) ? sender : FallbackSender);
        message.To.Add(MailboxAddress.Parse(row.To));
        message.Subject = row.Subject;
        message.Date = time.GetUtcNow();
        // RFC 3834: automatic mail, so vacation responders do not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Outbox-Id", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (row.ListUnsubscribeUrl is { Length: > 0 } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.Body = new TextPart("plain") { Text = row.BodyText, ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        return message;
    }

    private async Task WriteToPickupAsync(MimeMessage message, int id, CancellationToken ct)
    {
        Directory.CreateDirectory(paths.MailPickupPath);
        var name = $"{time.GetUtcNow():yyyyMMddHHmmss}-{id:000000}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(paths.MailPickupPath, name + ".tmp");
        // Written aside, then renamed: whoever watches the folder never sees half a message.
        await using (var stream = File.Create(temp))
            await message.WriteToAsync(stream, ct);
        File.Move(temp, Path.Combine(paths.MailPickupPath, name));
    }
}

/// <summary>A message that can never be sent as it stands (see <see cref="MailTransport.IsPermanent"/>).</summary>
public sealed class UndeliverableMailException(string message) : Exception(message);
