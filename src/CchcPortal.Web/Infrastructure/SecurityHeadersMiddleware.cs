namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// Strict headers on every response. Public pages allow no inline script or style; the manager allows inline
/// styles only, which its rich-text editor needs. Frames are refused, except the players of the video hosts a page's
/// body embeds (<see cref="FrameSources.Allow"/>).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string PublicCsp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self' https:; frame-src 'none'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; upgrade-insecure-requests";

    private const string ManagerCsp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            var path = context.Request.Path;
            var isManager = path.StartsWithSegments("/quan-tri");
            // Stored files (a document's PDF) may be shown in a frame of our own pages, and only there.
            var isMedia = path.StartsWithSegments("/media");
            var csp = isManager ? ManagerCsp : PublicCsp;
            if (path.StartsWithSegments("/van-ban")) csp = csp.Replace("frame-src 'none'", "frame-src 'self'");
            if (isMedia) csp = csp.Replace("frame-ancestors 'none'", "frame-ancestors 'self'");
            csp = FrameSources.Widen(csp, context.Response);
            // upgrade-insecure-requests would break plain-HTTP local runs; send it only over HTTPS.
            if (!context.Request.IsHttps) csp = csp.Replace("; upgrade-insecure-requests", "");
            h.ContentSecurityPolicy = csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = isManager || isMedia ? "SAMEORIGIN" : "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), autoplay=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>
/// The origins of embedded players a page allows in its CSP frame-src. The page model names them in a response header
/// that the output cache stores with the page, so a cached copy (served without running the page model) widens the
/// policy exactly as the first response did; <see cref="SecurityHeadersMiddleware"/> takes the header off before sending.
/// </summary>
public static partial class FrameSources
{
    private const string Header = "X-Portal-Frame-Sources";

    /// <summary>An origin only: https, a host name, an optional port; nothing that could add a directive.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^https://[a-z0-9.-]+(?::[0-9]{1,5})?$")]
    private static partial System.Text.RegularExpressions.Regex OriginPattern();

    public static void Allow(HttpResponse response, IEnumerable<string> origins)
    {
        var valid = origins.Select(o => o.ToLowerInvariant()).Where(o => OriginPattern().IsMatch(o)).Distinct().Order().ToArray();
        if (valid.Length > 0) response.Headers[Header] = string.Join(' ', valid);
    }

    internal static string Widen(string csp, HttpResponse response)
    {
        if (!response.Headers.TryGetValue(Header, out var value)) return csp;
        response.Headers.Remove(Header);
        var origins = value.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(o => OriginPattern().IsMatch(o)).ToArray();
        if (origins.Length == 0) return csp;
        var directives = csp.Split("; ").Select(d => d.StartsWith("frame-src ", StringComparison.Ordinal)
            ? "frame-src " + string.Join(' ', d["frame-src ".Length..].Split(' ').Where(s => s != "'none'").Concat(origins))
            : d);
        return string.Join("; ", directives);
    }
}
