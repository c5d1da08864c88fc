using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CchcPortal.Web.Features.PageFeedback;

/// <summary>What the thank-you page knows of the vote it thanks for; <see cref="VoteId"/> 0: the device had already voted today.</summary>
public sealed record VoteTicket(int VoteId, bool Helpful, string Path);

/// <summary>
/// The signed, short-lived ticket in the thank-you page's address: it lets the same visitor add what was missing to
/// the vote just made (and nothing else), without a session or any stored identifier.
/// </summary>
public sealed class VoteTickets(IDataProtectionProvider protection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("CchcPortal.PageFeedback.VoteTicket").ToTimeLimitedDataProtector();

    public string Issue(VoteTicket ticket) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{ticket.VoteId}\n{(ticket.Helpful ? 1 : 0)}\n{ticket.Path}"), Lifetime);

    public VoteTicket? Read(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        string text;
        try { text = _protector.Unprotect(value); }
        catch (CryptographicException) { return null; }
        var parts = text.Split('\n', 3);
        return parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new VoteTicket(id, parts[1] == "1", parts[2])
            : null;
    }
}
