using CchcPortal.Web.Features.Search;
using CchcPortal.Web.Features.Agencies;
using CchcPortal.Web.Features.AntiSpam;
using CchcPortal.Web.Features.Questions;
using CchcPortal.Web.Features.Feeds;
using CchcPortal.Web.Features.Indices;
using CchcPortal.Web.Features.Procedures;
using CchcPortal.Web.Features.Media;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CchcPortal.Web.Infrastructure;

public static class PortalPipelineExtensions
{
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseExceptionHandler("/loi/500");
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        app.UseMiddleware<PathRedirectMiddleware>();

        // Pages carrying secrets (sign-in, manager forms) are not compressed: no BREACH-style oracle.
        app.UseWhen(IsCompressible, branch => branch.UseResponseCompression());

        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = SetStaticCacheHeaders });
        var paths = app.Services.GetRequiredService<PortalPaths>();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(paths.MediaPath),
            RequestPath = MediaStore.UrlPrefix,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });

        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // Counted before the output cache, so cached views count too.
        var views = app.Services.GetRequiredService<ProcedureViewCounter>();
        app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method)) views.Record(context.Request.Path);
            return next(context);
        });
        app.UseOutputCache();
        // Compressed again inside the cache, so a cached page is stored as Brotli/gzip bytes and a hit costs no
        // compression (the outer middleware leaves a response that already has a Content-Encoding alone).
        app.UseWhen(IsCompressible, branch => branch.UseResponseCompression());
        app.UseMiddleware<HtmlMinificationMiddleware>();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { AllowCachingResponses = false });
        app.MapFeeds();
        app.MapImageVariants();
        app.MapDirectoryEndpoints();
        app.MapProcedureEndpoints();
        app.MapIndexEndpoints();
        app.MapIndexExport();
        app.MapAntiSpamEndpoints();
        app.MapQuestionSuggestionEndpoints();
        app.MapSearchEndpoints();
        app.MapRazorPages();
        return app;
    }

    private static bool IsCompressible(HttpContext ctx) =>
        !ctx.Request.Path.StartsWithSegments("/quan-tri") && !ctx.Request.Path.StartsWithSegments("/tai-khoan");

    private static void SetStaticCacheHeaders(StaticFileResponseContext ctx)
    {
        // asp-append-version adds ?v=<hash>: such URLs never change content.
        ctx.Context.Response.Headers[HeaderNames.CacheControl] = ctx.Context.Request.Query.ContainsKey("v")
            ? "public, max-age=31536000, immutable"
            : "public, max-age=3600";
    }
}
