using System.Text.RegularExpressions;

namespace CchcPortal.Core.Notifications;

/// <summary>
/// Mail the outbox keeps failing to send: given up on (<see cref="Outbox.MaxAttempts"/>) in the last
/// <see cref="GivenUpWindow"/>, or still retrying after <see cref="RetryingAttempts"/> failures. Such mail turns the
/// health check to Degraded and is listed for administrators, with the recipient masked.
/// </summary>
public static partial class FailingMail
{
    public const int RetryingAttempts = 3;
    public static readonly TimeSpan GivenUpWindow = TimeSpan.FromDays(3);

    public static IQueryable<OutgoingEmail> Where(IQueryable<OutgoingEmail> mail, DateTime now)
    {
        var since = now - GivenUpWindow;
        return mail.Where(m => m.SentAt == null && m.Attempts >= RetryingAttempts && (m.Attempts < Outbox.MaxAttempts || m.CreatedAt >= since));
    }

    public static bool GivenUp(OutgoingEmail m) => m.Attempts >= Outbox.MaxAttempts;

    /// <summary>"nguyen.van.a@example.vn" -> "n***@example.vn": enough to tell messages apart, not to read the address.</summary>
    public static string MaskAddress(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0) return "***";
        return address[0] + "***" + address[at..];
    }

    /// <summary>A server's error text with every e-mail address in it masked (a refusal often quotes the recipient).</summary>
    public static string MaskAddresses(string text) => Address().Replace(text, m => MaskAddress(m.Value));

    [GeneratedRegex(@"[^\s<>""'(),;:]+@[^\s<>""'(),;:]+")]
    private static partial Regex Address();
}
