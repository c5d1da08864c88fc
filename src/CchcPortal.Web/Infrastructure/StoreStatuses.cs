using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// Lets a named output-cache policy store a response that the default policy refuses for its status (it stores only
/// 200). The default policy's other rules still hold: only anonymous GET/HEAD requests (it set
/// <see cref="OutputCacheContext.AllowCacheLookup"/>) and no Set-Cookie.
/// </summary>
public abstract class StoreStatusPolicy : IOutputCachePolicy
{
    protected abstract bool Storable(HttpContext http);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (context.AllowCacheLookup && !context.AllowCacheStorage && http.User.Identity?.IsAuthenticated != true
            && string.IsNullOrEmpty(http.Response.Headers.SetCookie) && Storable(http))
            context.AllowCacheStorage = true;
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Redirects computed from content: 301/308 (/tthc/{code}, dissolved agencies) and 302/307 (/ke-hoach-tuyen-truyen to
/// the latest plan year). Evicted by the policy's tags like the pages, so a new plan year or a changed code shows at once.
/// </summary>
public sealed class StoreRedirects : StoreStatusPolicy
{
    protected override bool Storable(HttpContext http) =>
        http.Response.StatusCode is StatusCodes.Status301MovedPermanently or StatusCodes.Status302Found
            or StatusCodes.Status307TemporaryRedirect or StatusCodes.Status308PermanentRedirect
        && http.Response.Headers.Location.Count > 0;
}

/// <summary>
/// /loi/404 answering 404, also when re-executed for a missing URL, so every miss shares one entry. Not /loi/0404 or
/// /loi/999 (a page answering another status): a scan of such addresses must not add entries.
/// </summary>
public sealed class StoreErrorPages : StoreStatusPolicy
{
    protected override bool Storable(HttpContext http) =>
        http.Response.StatusCode is >= 400 and <= 599 && http.Request.Path.Value == "/loi/" + http.Response.StatusCode;
}
