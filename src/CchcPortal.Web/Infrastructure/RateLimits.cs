using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Infrastructure;

/// <summary>The rate-limit policies of public POSTs, sign-ins and small lookups, per client address.</summary>
public static class RateLimits
{
    public const string PublicPostLimit = "public-post";
    public const string LoginLimit = "login";
    /// <summary>Small public JSON lookups (title suggestions, anti-spam challenges): 60 a minute per address.</summary>
    public const string PublicLookupLimit = "public-lookup";

    private static RateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.RateLimits;

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
            services.AddRateLimiter(o =>
            {
                o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                // Only POSTs count: reading a form page never uses up a visitor's submissions.
                o.AddPolicy(PublicPostLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = Limits(ctx).PublicPostsPerMinute, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter("get"));
                o.AddPolicy(LoginLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = Limits(ctx).SignInsPerFiveMinutes, Window = TimeSpan.FromMinutes(5) })
                    : RateLimitPartition.GetNoLimiter("get"));
                o.AddPolicy(PublicLookupLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Limits(ctx).LookupsPerMinute, Window = TimeSpan.FromMinutes(1) }));
                o.OnRejected = (ctx, ct) => new ValueTask(RateLimitRejection.WriteAsync(ctx.HttpContext, ct));
            });
        return services;
    }
}
