using System.Globalization;
using CchcPortal.Core.Common;
using Microsoft.AspNetCore.DataProtection;

namespace CchcPortal.Web.Features.Surveys;

/// <summary>
/// One response per device per agency per day, without knowing who the device belongs to: the agencies this browser
/// rated today (Vietnam time), signed and encrypted by data protection so it cannot be forged, sent only to the survey.
/// Clearing cookies gets round it; the burst flag is there for those who do so in bulk.
/// </summary>
public static class SurveyDeviceCookie
{
    public const string Name = ".CchcPortal.Survey";
    private const string Purpose = "CchcPortal.Surveys.Device";

    public static bool RatedToday(HttpContext http, int agencyId) => Read(http).Contains(agencyId);

    public static void Add(HttpContext http, int agencyId)
    {
        var agencies = Read(http);
        agencies.Add(agencyId);
        var value = Today(http) + "|" + string.Join(",", agencies.Select(a => a.ToString(CultureInfo.InvariantCulture)));
        http.Response.Cookies.Append(Name, Protector(http).Protect(value), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true,
            Path = SurveyPaths.Results, MaxAge = TimeSpan.FromDays(1),
        });
    }

    /// <summary>Today's agencies; none when the cookie is missing, from another day, or not ours.</summary>
    private static HashSet<int> Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Name, out var cookie) || string.IsNullOrEmpty(cookie)) return [];
        try
        {
            var parts = Protector(http).Unprotect(cookie).Split('|');
            if (parts.Length != 2 || parts[0] != Today(http)) return [];
            return parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToHashSet();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return [];
        }
    }

    private static string Today(HttpContext http) =>
        VnFormat.ToLocal(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static IDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
