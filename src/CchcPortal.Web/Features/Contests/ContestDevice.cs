using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CchcPortal.Web.Features.Contests;

/// <summary>
/// The signed device cookie that ties a browser to its participant (and, when the phone is not required, is the person
/// for the attempts limit). Data-protected, so it cannot be forged or read; HttpOnly, limited to /cuoc-thi.
/// </summary>
public sealed class ContestDevice(IDataProtectionProvider protection)
{
    public const string CookieName = "cchc-cuoc-thi";
    private readonly IDataProtector _protector = protection.CreateProtector("CchcPortal.Contests.Device");

    /// <summary>The device id of the request, or null without a valid cookie.</summary>
    public string? Read(HttpContext http)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } value) return null;
        try
        {
            return _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The device id of the request, made and set as a cookie when missing.</summary>
    public string Ensure(HttpContext http)
    {
        if (Read(http) is { } id) return id;
        id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        http.Response.Cookies.Append(CookieName, _protector.Protect(id), new CookieOptions
        {
            HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps,
            Path = "/cuoc-thi", MaxAge = TimeSpan.FromDays(365),
        });
        return id;
    }
}
