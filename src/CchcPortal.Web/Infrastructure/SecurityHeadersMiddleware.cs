namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// Strict headers on every response. Public pages allow no inline script or style; the manager allows inline
/// styles only, which its rich-text editor needs.
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
            // upgrade-insecure-requests would break plain-HTTP local runs; send it only over HTTPS.
            if (!context.Request.IsHttps) csp = csp.Replace("; upgrade-insecure-requests", "");
            h.ContentSecurityPolicy = csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = isManager || isMedia ? "SAMEORIGIN" : "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
