namespace CchcPortal.Core.Common;

/// <summary>
/// The portal's public address (Portal:PublicBaseUrl). Every absolute link the portal writes (canonical, og:url,
/// feeds, sitemap, vCards, print pages, e-mails) is built here, never from the request's Host header, which any
/// client can set.
/// </summary>
public sealed class PublicAddress(string baseUrl)
{
    public const string Default = "http://localhost:5000";

    /// <summary>Scheme and host (and port), without a trailing slash.</summary>
    public string BaseUrl { get; } = (string.IsNullOrWhiteSpace(baseUrl) ? Default : baseUrl.Trim()).TrimEnd('/');

    /// <summary>The absolute form of a site path ("/tin-tuc/x" → "https://host/tin-tuc/x").</summary>
    public string Absolute(string path) => path.StartsWith('/') ? BaseUrl + path : $"{BaseUrl}/{path}";
}
