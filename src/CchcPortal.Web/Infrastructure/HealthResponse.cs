using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// The /healthz body: the overall status and each check's status and description (counts only: no address, no
/// personal data). Degraded still answers 200, so a load balancer keeps the node; Unhealthy answers 503.
/// </summary>
public static class HealthResponse
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            if (entry.Description is { } description) json.WriteString("description", description);
            if (entry.Data.Count > 0) WriteData(json, entry.Data);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A check's figures (the search index's state, counts, sequences): numbers, text and times only.</summary>
    private static void WriteData(Utf8JsonWriter json, IReadOnlyDictionary<string, object> data)
    {
        json.WriteStartObject("data");
        foreach (var (key, value) in data)
        {
            switch (value)
            {
                case int i: json.WriteNumber(key, i); break;
                case long l: json.WriteNumber(key, l); break;
                case double d: json.WriteNumber(key, d); break;
                case DateTime t: json.WriteString(key, t); break;
                default: json.WriteString(key, value.ToString()); break;
            }
        }
        json.WriteEndObject();
    }

    /// <summary>How the administrators' status page names a check and a status.</summary>
    public static string Label(string check) => check switch
    {
        "database" => "Cơ sở dữ liệu",
        "search-index" => "Chỉ mục tìm kiếm",
        "outbox" => "Thư điện tử gửi đi",
        _ => check,
    };

    public static string Label(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "Bình thường",
        HealthStatus.Degraded => "Suy giảm",
        _ => "Lỗi",
    };
}
