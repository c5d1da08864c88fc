using CchcPortal.Web.Features;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Net.Http.Headers;

namespace CchcPortal.Web.Infrastructure;

public static class PortalPipelineExtensions
{
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UsePortalForwardedHeaders();
        app.UseExceptionHandler("/loi/500");
        app.UsePortalHttps();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        app.UseMiddleware<PathRedirectMiddleware>();

        // Pages carrying secrets (sign-in, manager forms) are not compressed: no BREACH-style oracle.
        app.UseWhen(IsCompressible, branch => branch.UseResponseCompression());

        // Static assets (wwwroot, the theme's _content/, the npm libraries under lib/) come from the build's endpoint
        // manifest: fingerprinted URLs (site.{hash}.css, which the tag helpers with asp-append-version emit) are
        // immutable for a year, the plain URLs (TinyMCE's own skin and plugin requests) are no-cache with an ETag,
        // and .br/.gz files made at build time are served as they are. Short-circuited: they run here, at UseRouting,
        // before authentication, rate limits and the output cache, as UseStaticFiles did.
        var staticAssets = app.MapStaticAssets().ShortCircuit();
        staticAssets.Add(MarkImmutableAssetsPublic);
        staticAssets.Add(CacheFaviconForAWeek);
        var features = app.Services.GetRequiredService<PortalFeatures>().All;
        foreach (var feature in features) feature.UseBeforeRouting(app);

        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<FormNulGuardMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        foreach (var feature in features) feature.UseBeforeOutputCache(app);
        app.UseOutputCache();
        // Compressed again inside the cache, so a cached page is stored as Brotli/gzip bytes and a hit costs no
        // compression (the outer middleware leaves a response that already has a Content-Encoding alone).
        app.UseWhen(IsCompressible, branch => branch.UseResponseCompression());
        app.UseMiddleware<HtmlMinificationMiddleware>();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { AllowCachingResponses = false, ResponseWriter = HealthResponse.WriteAsync });
        app.MapReadiness();
        foreach (var feature in features) feature.MapEndpoints(app);
        // WithStaticAssets: the tag helpers' asp-append-version resolves to the fingerprinted URL of the manifest.
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    /// <summary>
    /// The manifest gives fingerprinted assets "max-age=31536000, immutable"; "public" is added, as for media files,
    /// so that shared caches keep them even for signed-in managers.
    /// </summary>
    private static void MarkImmutableAssetsPublic(EndpointBuilder endpoint)
    {
        var descriptor = endpoint.Metadata.OfType<StaticAssetDescriptor>().FirstOrDefault();
        if (descriptor is null || endpoint.RequestDelegate is not { } serve) return;
        if (!descriptor.ResponseHeaders.Any(h => h.Name == HeaderNames.CacheControl && h.Value.Contains("immutable"))) return;
        endpoint.RequestDelegate = context =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                var cacheControl = headers.CacheControl.ToString();
                if (cacheControl.Contains("immutable") && !cacheControl.StartsWith("public", StringComparison.Ordinal))
                    headers.CacheControl = "public, " + cacheControl;
                return Task.CompletedTask;
            }, context.Response);
            return serve(context);
        };
    }

    /// <summary>
    /// /favicon.ico has a fixed address (browsers ask for it unprompted), so it cannot be fingerprinted: it is kept a
    /// week instead of being revalidated on every page.
    /// </summary>
    private static void CacheFaviconForAWeek(EndpointBuilder endpoint)
    {
        var descriptor = endpoint.Metadata.OfType<StaticAssetDescriptor>().FirstOrDefault();
        if (descriptor?.Route != "favicon.ico" || endpoint.RequestDelegate is not { } serve) return;
        endpoint.RequestDelegate = context =>
        {
            context.Response.OnStarting(static state =>
            {
                ((HttpResponse)state).Headers.CacheControl = "public, max-age=604800";
                return Task.CompletedTask;
            }, context.Response);
            return serve(context);
        };
    }

    private static bool IsCompressible(HttpContext ctx) =>
        !ctx.Request.Path.StartsWithSegments("/quan-tri") && !ctx.Request.Path.StartsWithSegments("/tai-khoan");
}
