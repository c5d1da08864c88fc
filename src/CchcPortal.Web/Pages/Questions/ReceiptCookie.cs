using CchcPortal.Core.Common;
using Microsoft.AspNetCore.DataProtection;

namespace CchcPortal.Web.Pages.Questions;

/// <summary>
/// Carries a just-submitted case's code and secret from the form's POST to the receipt page, so that the receipt
/// survives a reload without the secret ever being in a URL (or the logs that keep URLs): encrypted and signed by
/// data protection, HttpOnly, SameSite=Strict, sent only to the receipt page, kept 24 hours.
/// </summary>
public static class ReceiptCookie
{
    public const string Name = ".CchcPortal.Receipt";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private const string Purpose = "CchcPortal.Questions.Receipt";

    public static void Write(HttpContext http, string code, string secret)
    {
        var protector = Protector(http);
        http.Response.Cookies.Append(Name, protector.Protect($"{code}\n{secret}", Lifetime), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, IsEssential = true,
            Path = PublicPaths.QuestionReceipt, MaxAge = Lifetime,
        });
    }

    /// <summary>The code and secret, or null when the cookie is missing, expired or not ours.</summary>
    public static (string Code, string Secret)? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            var parts = Protector(http).Unprotect(value).Split('\n');
            return parts.Length == 2 ? (parts[0], parts[1]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static ITimeLimitedDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
