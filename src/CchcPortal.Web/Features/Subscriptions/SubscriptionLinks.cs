using System.Globalization;
using CchcPortal.Core.Common;
using CchcPortal.Core.Subscriptions;
using Microsoft.AspNetCore.DataProtection;

namespace CchcPortal.Web.Features.Subscriptions;

/// <summary>
/// The links of subscription e-mails. Unsubscribe and manage tokens are data-protected (signed and encrypted with the
/// portal's keys, shared between nodes), so no token is stored and the address never appears in a URL. The
/// unsubscribe token does not expire (an old message must still let its reader leave); the manage token lasts
/// <see cref="ManageLifetime"/>.
/// </summary>
public sealed class SubscriptionLinks(IDataProtectionProvider protection, PublicAddress address) : ISubscriptionLinks
{
    public static readonly TimeSpan ManageLifetime = TimeSpan.FromDays(180);

    private IDataProtector UnsubscribeProtector => protection.CreateProtector("CchcPortal.Subscriptions.Unsubscribe.v1");
    private ITimeLimitedDataProtector ManageProtector => protection.CreateProtector("CchcPortal.Subscriptions.Manage.v1").ToTimeLimitedDataProtector();

    public string Absolute(string path) => address.Absolute(path);

    public string Confirm(string token) => address.Absolute($"{SubscriptionPaths.Confirm}?t={Uri.EscapeDataString(token)}");

    public string Unsubscribe(int subscriptionId) =>
        address.Absolute($"{SubscriptionPaths.Unsubscribe}?t={UnsubscribeProtector.Protect(subscriptionId.ToString(CultureInfo.InvariantCulture))}");

    public string Manage(string email) => address.Absolute($"{SubscriptionPaths.Manage}?t={ManageProtector.Protect(email, ManageLifetime)}");

    /// <summary>The subscription id of an unsubscribe token, or null when it was not made by this portal.</summary>
    public int? ReadUnsubscribe(string? token) =>
        Unprotect(token, t => UnsubscribeProtector.Unprotect(t)) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The address of a manage token, or null when it is not the portal's or has expired.</summary>
    public string? ReadManage(string? token) => Unprotect(token, t => ManageProtector.Unprotect(t));

    private static string? Unprotect(string? token, Func<string, string> unprotect)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000) return null;
        try
        {
            return unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
