using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// Running behind a TLS proxy: forwarded headers from the configured proxies only, HSTS, the redirect to HTTPS and
/// Secure cookies; no Server banner.
/// </summary>
public static class HttpsSetup
{
    /// <remarks>Settings are read when the options are first used, from the final configuration (tests add theirs late).</remarks>
    public static WebApplicationBuilder AddPortalHttps(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, config) =>
        {
            // X-Forwarded-Host is not taken: every absolute link comes from Portal:PublicBaseUrl.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the address the proxy itself saw (the right-most entry) is believed; the defaults (loopback) go.
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            var (proxies, networks) = TrustedProxies(config);
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        services.AddOptions<HstsOptions>().Configure<IOptions<PortalOptions>>((o, portal) =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
            o.Preload = portal.Value.Security.HstsPreload;
        });
        // Every cookie (sign-in, antiforgery, the receipt) is Secure on an HTTPS request, and always when the public
        // address is https.
        services.AddOptions<CookiePolicyOptions>().Configure<IOptions<PortalOptions>>((o, portal) =>
            o.Secure = IsHttpsUrl(portal.Value.PublicBaseUrl) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.AddOptions<HttpsRedirectionOptions>().Configure<IConfiguration>((o, config) =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            if (int.TryParse(config["https_port"], out var port)) o.HttpsPort = port;
        });
        return builder;
    }

    /// <summary>First in the pipeline: the client's address and scheme as the trusted proxy saw them, then the cookie policy.</summary>
    public static WebApplication UsePortalForwardedHeaders(this WebApplication app)
    {
        // With no proxy configured the middleware is left out: it would otherwise trust whatever sends the header.
        if (ProxyConfigured(app.Configuration)) app.UseForwardedHeaders();
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>
    /// Outside Development: HSTS on HTTPS responses, and plain HTTP redirected (308) when the portal can tell HTTPS
    /// requests from HTTP ones: it listens on HTTPS itself (an HTTPS port), or its public address is https and a proxy
    /// is configured (X-Forwarded-Proto). An https address without either would redirect every request in a loop.
    /// The health probe of a load balancer is never redirected.
    /// </summary>
    public static WebApplication UsePortalHttps(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CchcPortal.Startup");
        app.WarnAboutHttps(log);
        app.WarnAboutKeyProtection(log);
        if (app.Environment.IsDevelopment()) return app;
        app.UseHsts();
        var redirect = RedirectRule(app.Configuration, app.Services.GetRequiredService<IOptions<PortalOptions>>().Value);
        if (redirect == HttpsRedirect.ToHttpsPort)
            app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/healthz"), b => b.UseHttpsRedirection());
        else if (redirect == HttpsRedirect.ToPublicAddress)
        {
            // Built from the configured address, not from the Host header a client sent.
            var publicBase = app.Services.GetRequiredService<CchcPortal.Core.Common.PublicAddress>().BaseUrl;
            app.Use((ctx, next) =>
            {
                if (ctx.Request.IsHttps || ctx.Request.Path.StartsWithSegments("/healthz")) return next(ctx);
                ctx.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                ctx.Response.Headers.Location = publicBase + ctx.Request.PathBase + ctx.Request.Path + ctx.Request.QueryString;
                return Task.CompletedTask;
            });
        }
        return app;
    }

    public enum HttpsRedirect { None, ToHttpsPort, ToPublicAddress }

    public static HttpsRedirect RedirectRule(IConfiguration config, PortalOptions portal)
    {
        if (config["https_port"] is { Length: > 0 }) return HttpsRedirect.ToHttpsPort;
        return IsHttpsUrl(portal.PublicBaseUrl) && ProxyConfigured(config) ? HttpsRedirect.ToPublicAddress : HttpsRedirect.None;
    }

    /// <summary>What an operator should know at start-up: forwarded headers ignored while the public address is https.</summary>
    public static void WarnAboutHttps(this WebApplication app, ILogger log)
    {
        if (app.Environment.IsDevelopment()) return;
        var portal = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        if (IsHttpsUrl(portal.PublicBaseUrl) && RedirectRule(app.Configuration, portal) == HttpsRedirect.None
            && !(app.Configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase))
            log.LogWarning("Portal:PublicBaseUrl is https but no Portal:ReverseProxy:KnownProxies/KnownNetworks is set: behind a TLS proxy, "
                + "requests look like plain HTTP (no HSTS, no Secure cookies, one rate-limit bucket for every client). Set the proxy's address.");
    }

    public static bool ProxyConfigured(IConfiguration config)
    {
        var section = config.GetSection(PortalOptions.Section).GetSection("ReverseProxy");
        return ConfigList(section.GetSection("KnownProxies")).Count > 0 || ConfigList(section.GetSection("KnownNetworks")).Count > 0;
    }

    private static bool IsHttpsUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    private static (List<IPAddress> Proxies, List<System.Net.IPNetwork> Networks) TrustedProxies(IConfiguration config)
    {
        var section = config.GetSection(PortalOptions.Section).GetSection("ReverseProxy");
        var proxies = new List<IPAddress>();
        foreach (var entry in ConfigList(section.GetSection("KnownProxies")))
            proxies.Add(IPAddress.TryParse(entry, out var address) ? address
                : throw new InvalidOperationException($"Portal:ReverseProxy:KnownProxies: “{entry}” không phải là một địa chỉ IP."));
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in ConfigList(section.GetSection("KnownNetworks")))
            networks.Add(System.Net.IPNetwork.TryParse(entry, out var network) ? network
                : throw new InvalidOperationException($"Portal:ReverseProxy:KnownNetworks: “{entry}” không phải là một dải địa chỉ dạng CIDR (ví dụ 10.0.0.0/24)."));
        return (proxies, networks);
    }

    /// <summary>A list setting given as children (KnownProxies:0, KnownProxies__0) or as one comma-separated string.</summary>
    public static List<string> ConfigList(IConfigurationSection section) =>
        new[] { section.Value }.Concat(section.GetChildren().Select(c => c.Value))
            .SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
}
