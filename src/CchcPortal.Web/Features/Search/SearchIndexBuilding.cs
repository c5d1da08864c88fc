using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Features.Search;

/// <summary>
/// The answer to a search while this node has no index yet (<see cref="SearchIndexer.Searchable"/>): 503 with
/// Retry-After, for the page as for the API. 503 is what HTTP says for "come back in a moment": crawlers neither index
/// it nor drop the URL, browsers and proxies do not keep it, and a monitor counts the node as not serving yet. Never
/// stored in the output cache, so the same URL shows results as soon as the index is built.
/// </summary>
public static class SearchIndexBuilding
{
    public const string Message = "Đang xây dựng chỉ mục tìm kiếm";

    /// <summary>A first build of the seeded portal takes a few seconds; a grown one, a minute or so.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    public static void MarkResponse(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        if (http.Features.Get<IOutputCacheFeature>()?.Context is { } cache) cache.AllowCacheStorage = false;
    }

    /// <summary>The JSON API's answer: the message and when to ask again.</summary>
    public static IResult Json(HttpContext http)
    {
        MarkResponse(http);
        return Results.Json(new { status = "building", message = Message + "; kết quả sẽ có sau ít giây.", retryAfter = (int)RetryAfter.TotalSeconds },
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
