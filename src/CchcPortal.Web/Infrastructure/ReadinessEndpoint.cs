using System.Text.Json;
using CchcPortal.Web.Features.Search;

namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// GET /healthz/ready: 200 once this node's search index has caught up with the change feed (the rebuild of a new
/// node done, every change that existed at start applied), 503 with the reason until then, so a load balancer sends
/// no searches to a node without an index. /healthz stays the liveness check. Reads the indexer's state only: no
/// database query, never cached, not rate-limited.
/// </summary>
public static class ReadinessEndpoint
{
    public const string Path = "/healthz/ready";

    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (SearchIndexer indexer, HttpContext http) =>
        {
            var readiness = indexer.Readiness;
            http.Response.StatusCode = readiness.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.CacheControl = "no-store";
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(http.Response.Body);
            json.WriteStartObject();
            json.WriteString("status", readiness.Ready ? "Ready" : "NotReady");
            json.WriteString("reason", readiness.Reason);
            json.WriteNumber("applied", Math.Max(readiness.Applied, 0));
            if (readiness.Target is { } target) json.WriteNumber("target", target);
            json.WriteEndObject();
        });
        return app;
    }
}
