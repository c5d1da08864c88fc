using System.Globalization;
using System.Security.Cryptography;
using CchcPortal.Core.Common;
using Microsoft.AspNetCore.DataProtection;

namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// "Once per device per day" without knowing whose device it is: a data-protected cookie (it cannot be forged or read)
/// lists the keys this browser used today, Vietnam time, e.g. the agencies it rated or the pages it voted on. Nothing
/// about the visitor is kept on the server. Clearing cookies gets round it; rate limits and burst flags bound that.
/// </summary>
/// <param name="CookieName">One cookie per use, sent only under <paramref name="Path"/>.</param>
/// <param name="MaxKeys">Keys a device may use in a day; past it every key counts as used (and the cookie stays small).</param>
public sealed record DailyDeviceMarks(string CookieName, string Path, int MaxKeys)
{
    public bool Has(HttpContext http, string key)
    {
        var keys = Read(http);
        return keys.Count >= MaxKeys || keys.Contains(key);
    }

    public void Add(HttpContext http, string key)
    {
        var keys = Read(http);
        keys.Add(key);
        var now = Now(http);
        var today = Today(now);
        http.Response.Cookies.Append(CookieName, Protector(http).Protect(today + ":" + string.Join(',', keys)), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true, Path = Path,
            // Until the end of today in Vietnam; a duration, not a date, so a device whose clock is wrong keeps it as long.
            MaxAge = VnFormat.ToUtc(VnFormat.ToLocal(now).Date.AddDays(1)) - now,
        });
    }

    /// <summary>Today's keys; none when the cookie is missing, from another day, or not ours.</summary>
    private HashSet<string> Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie)) return [];
        string text;
        try { text = Protector(http).Unprotect(cookie); }
        catch (CryptographicException) { return []; }
        var prefix = Today(Now(http)) + ":";
        return text.StartsWith(prefix, StringComparison.Ordinal)
            ? text[prefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : [];
    }

    private static DateTime Now(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    private static string Today(DateTime utc) => VnFormat.ToLocal(utc).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private IDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("CchcPortal.DailyDeviceMarks", CookieName);
}
