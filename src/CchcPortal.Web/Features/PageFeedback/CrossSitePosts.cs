namespace CchcPortal.Web.Features.PageFeedback;

/// <summary>
/// The vote form sits on output-cached pages shared by every visitor, so it carries no per-visitor antiforgery token.
/// Cross-site forgery is refused by what browsers send with every POST instead: Sec-Fetch-Site (every current
/// browser), or else the Origin header, must say the form came from this site. A request with neither is not from a
/// browser, so it cannot ride on a visitor's cookies.
/// </summary>
public static class CrossSitePosts
{
    public static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is not ("same-origin" or "none");
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return false;
        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
