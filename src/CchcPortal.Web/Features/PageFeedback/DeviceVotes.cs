using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace CchcPortal.Web.Features.PageFeedback;

/// <summary>
/// One vote per device per page per day: a signed cookie lists, for today only (Vietnam time), short hashes of the
/// paths this browser voted on. Nothing about the visitor is stored on the server; a visitor who clears cookies can
/// vote again, which the public-POST rate limit bounds.
/// </summary>
public sealed class DeviceVotes(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = ".CchcPortal.PageVotes";
    /// <summary>Pages one device may vote on in a day; the cookie stays small (11 bytes a page).</summary>
    public const int MaxPagesPerDay = 100;

    private readonly IDataProtector _protector = protection.CreateProtector("CchcPortal.PageFeedback.DeviceVotes");

    public bool HasVoted(HttpRequest request, string path, DateOnly today)
    {
        var voted = Read(request, today);
        return voted.Count >= MaxPagesPerDay || voted.Contains(Hash(path));
    }

    public void Remember(HttpContext http, string path, DateOnly today)
    {
        var voted = Read(http.Request, today);
        voted.Add(Hash(path));
        var value = _protector.Protect($"{today:yyyyMMdd}:{string.Join(',', voted)}");
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            Path = PageFeedbackPaths.Vote,
            // Until the end of today in Vietnam (tomorrow the device may vote again); a duration, not a date, so a
            // device whose clock is wrong keeps it as long.
            MaxAge = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), Core.Common.VnFormat.Offset) - time.GetUtcNow(),
        });
    }

    private HashSet<string> Read(HttpRequest request, DateOnly today)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var cookie) || cookie is null) return [];
        string text;
        try { text = _protector.Unprotect(cookie); }
        catch (CryptographicException) { return []; }
        var prefix = $"{today:yyyyMMdd}:";
        return text.StartsWith(prefix, StringComparison.Ordinal)
            ? text[prefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : [];
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path)), 0, 5);
}
