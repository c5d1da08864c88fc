using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CchcPortal.Web.Features.Search;

/// <summary>
/// Degraded while this node has no index to search (its first rebuild runs), while documents are set aside by the
/// indexer (SearchIndexFailures) or when its last turn failed. Never Unhealthy: /healthz is the liveness probe, and a
/// restart would only start the rebuild again; /healthz/ready is what keeps searches away until the index is built.
/// The data carries the index's state for a load balancer or a script: counts, sequences and times only.
/// </summary>
public sealed class SearchIndexHealthCheck(PortalDbContext db, SearchIndexer indexer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var failed = await db.SearchIndexFailures.CountAsync(ct);
        var state = indexer.State;
        var data = Data(state, failed);
        if (state.Stage == SearchIndexStage.Building)
            return HealthCheckResult.Degraded($"{SearchIndexBuilding.Message} lần đầu: máy chủ này chưa tìm kiếm được (đã áp dụng {state.Applied}/{state.Target?.ToString() ?? "?"} thay đổi).", data: data);
        if (indexer.LastError is not null)
            return HealthCheckResult.Degraded($"Lần lập chỉ mục gần nhất bị lỗi; {failed} tài liệu chưa vào được chỉ mục tìm kiếm.", data: data);
        return failed > 0
            ? HealthCheckResult.Degraded($"{failed} tài liệu chưa vào được chỉ mục tìm kiếm.", data: data)
            : HealthCheckResult.Healthy($"Chỉ mục tìm kiếm cập nhật bình thường: {state.Documents} tài liệu.", data);
    }

    private static Dictionary<string, object> Data(SearchIndexState state, int failed)
    {
        var data = new Dictionary<string, object>
        {
            ["state"] = state.StageName,
            ["documents"] = state.Documents,
            ["appliedSequence"] = state.Applied,
            ["failedDocuments"] = failed,
        };
        if (state.Target is { } target) data["targetSequence"] = target;
        if (state.LastRebuildDuration is { } took) data["lastRebuildSeconds"] = Math.Round(took.TotalSeconds, 2);
        if (state.LastRebuildAt is { } at) data["lastRebuildAt"] = at;
        return data;
    }
}
