using System.Threading.RateLimiting;
using CchcPortal.Web.Infrastructure.Redis;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// The rate-limit policies of public POSTs, sign-ins and small lookups, per client address: counted in this process,
/// or in Redis when it is configured, so a client meets the same limit whichever node answers.
/// </summary>
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
                    ? Window(ctx, PublicPostLimit, Limits(ctx).PublicPostsPerMinute, TimeSpan.FromMinutes(1))
                    : RateLimitPartition.GetNoLimiter("get"));
                o.AddPolicy(LoginLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
                    ? Window(ctx, LoginLimit, Limits(ctx).SignInsPerFiveMinutes, TimeSpan.FromMinutes(5))
                    : RateLimitPartition.GetNoLimiter("get"));
                o.AddPolicy(PublicLookupLimit, ctx => Window(ctx, PublicLookupLimit, Limits(ctx).LookupsPerMinute, TimeSpan.FromMinutes(1)));
                o.OnRejected = (ctx, ct) => new ValueTask(RateLimitRejection.WriteAsync(ctx.HttpContext, ct));
            });
        return services;
    }

    /// <summary>A fixed window of <paramref name="permits"/> per client address for a policy: in Redis when configured, else in this process.</summary>
    public static RateLimitPartition<string> Window(HttpContext ctx, string policy, int permits, TimeSpan window)
    {
        var address = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (ctx.RequestServices.GetService<RedisRateLimitCounter>() is { } shared)
            return RateLimitPartition.Get($"{policy}:{address}", key => new RedisWindowLimiter(shared, key, permits, window));
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window });
    }
}
