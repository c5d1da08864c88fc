using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CchcPortal.Web.Features.Search;

/// <summary>Degraded while documents are set aside by the indexer (SearchIndexFailures) or its last turn failed.</summary>
public sealed class SearchIndexHealthCheck(PortalDbContext db, SearchIndexer indexer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var failed = await db.SearchIndexFailures.CountAsync(ct);
        if (indexer.LastError is not null)
            return HealthCheckResult.Degraded($"Lần lập chỉ mục gần nhất bị lỗi; {failed} tài liệu chưa vào được chỉ mục tìm kiếm.");
        return failed > 0
            ? HealthCheckResult.Degraded($"{failed} tài liệu chưa vào được chỉ mục tìm kiếm.")
            : HealthCheckResult.Healthy("Chỉ mục tìm kiếm cập nhật bình thường.");
    }
}
