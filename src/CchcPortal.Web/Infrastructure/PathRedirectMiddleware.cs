using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// A GET that ends in 404 is looked up among moved URLs and answered with 301 to the new one. Only misses pay
/// for the lookup; found pages never do.
/// </summary>
public sealed class PathRedirectMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, PortalDbContext db)
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted
            || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return;
        var path = context.Request.Path.Value ?? "";
        // The error page itself (also when re-executed for a missing URL) has not moved: no lookup.
        if (path.Length > 300 || path.StartsWith("/loi/", StringComparison.Ordinal)) return;
        var target = await db.PathRedirects.AsNoTracking().Where(r => r.FromPath == path).Select(r => r.ToPath).FirstOrDefaultAsync(context.RequestAborted);
        if (target is null) return;
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = target;
    }
}
