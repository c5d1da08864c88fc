using System.Net;
using System.Reflection;
using CchcPortal.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.HostileInput;

/// <summary>
/// One portal (seeded with the procedures) for the hostile-input corpus tests. Each request comes from its own
/// address, so the per-address rate limits let the corpus reach the code behind them, and every response names the
/// route pattern that answered it, so the crawl can tell which pages it has reached.
/// </summary>
public sealed class HostilePortal : IAsyncLifetime
{
    public const string RouteHeader = "X-Test-Route";
    public PortalFactory Factory { get; } = new(seedProcedures: true, services: s => s.AddTransient<IStartupFilter, TestFrontDoor>(), servicesActPerRequest: true);
    public HttpClient Client { get; private set; } = null!;
    private int _requests;
    public int Requests => _requests;

    public async Task InitializeAsync()
    {
        Client = Factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/healthz")).StatusCode);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpClient? client = null)
    {
        Interlocked.Increment(ref _requests);
        return await (client ?? Client).SendAsync(request);
    }

    /// <summary>Every public GET route (the manager, static assets and health aside), with the query names it reads.</summary>
    public IReadOnlyList<PublicRoute> PublicRoutes()
    {
        var routes = new List<PublicRoute>();
        foreach (var endpoint in Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (pattern.StartsWith("/quan-tri", StringComparison.Ordinal) || pattern.StartsWith("/healthz", StringComparison.Ordinal)) continue;
            if (endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))) continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (methods is { Count: > 0 } && !methods.Contains("GET")) continue;
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var query = new SortedSet<string>(StringComparer.Ordinal);
            // A page without a model class (plain .cshtml) reads no query.
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page
                && PageModelType(page.ViewEnginePath) is { } model)
            {
                foreach (var property in model.GetProperties())
                {
                    if (property.GetCustomAttribute<FromQueryAttribute>() is { } fromQuery) query.Add(fromQuery.Name ?? property.Name);
                    else if (property.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true } bind) query.Add(bind.Name ?? property.Name);
                }
                foreach (var handler in model.GetMethods().Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal)))
                    AddSimpleParameters(handler, routeNames, query);
            }
            else if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is { } method) AddSimpleParameters(method, routeNames, query);
            if (ReadByHand.TryGetValue(pattern, out var names)) query.UnionWith(names);
            var numeric = endpoint.RoutePattern.ParameterPolicies
                .Where(p => p.Value.Any(policy => policy.Content is "int" or "long")).Select(p => p.Key).ToHashSet();
            routes.Add(new PublicRoute(pattern, endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList(), numeric, query.ToList()));
        }
        return routes.DistinctBy(r => r.Pattern).OrderBy(r => r.Pattern, StringComparer.Ordinal).ToList();
    }

    /// <summary>Query names read straight from Request.Query, which reflection cannot see.</summary>
    private static readonly Dictionary<string, string[]> ReadByHand = new()
    {
        ["/tim-kiem"] = ["q", "loai", "kind", "linh-vuc", "field", "co-quan", "agency", "level", "nam", "year", "trang", "page", "pageSize"],
        ["/api/search"] = ["q", "loai", "kind", "linh-vuc", "field", "co-quan", "agency", "level", "nam", "year", "trang", "page", "pageSize"],
        ["/api/search/suggest"] = ["q"],
        ["/api/procedures"] = ["q", "field", "level", "agency", "subject", "online", "sort", "page", "pageSize"],
        ["/co-quan/{slug}"] = ["tu"],
    };

    private static void AddSimpleParameters(MethodInfo method, HashSet<string> routeNames, SortedSet<string> query)
    {
        foreach (var parameter in method.GetParameters())
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (parameter.Name is null || routeNames.Contains(parameter.Name)) continue;
            if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(DateOnly) || type == typeof(decimal))
                query.Add(parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name);
        }
    }

    private static Type? PageModelType(string viewEnginePath)
    {
        var name = "CchcPortal.Web.Pages" + viewEnginePath.Replace('/', '.') + "Model";
        return typeof(Program).Assembly.GetType(name);
    }

    /// <summary>Test-only: a new address per request (rate limits partition by it) and the matched route in a header.</summary>
    private sealed class TestFrontDoor : IStartupFilter
    {
        private static int _next;

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var n = Interlocked.Increment(ref _next);
                context.Connection.RemoteIpAddress = new IPAddress([127, (byte)(n >> 16), (byte)(n >> 8), (byte)n]);
                context.Response.OnStarting(() =>
                {
                    if (context.GetEndpoint() is RouteEndpoint route)
                        context.Response.Headers[RouteHeader] = "/" + route.RoutePattern.RawText!.TrimStart('/');
                    return Task.CompletedTask;
                });
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <param name="NumericParameters">Route values with an int constraint: anything but a number matches no route.</param>
public sealed record PublicRoute(string Pattern, IReadOnlyList<string> RouteParameters, IReadOnlySet<string> NumericParameters, IReadOnlyList<string> QueryNames);
