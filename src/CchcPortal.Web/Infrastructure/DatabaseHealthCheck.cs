using CchcPortal.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CchcPortal.Web.Infrastructure;

public sealed class DatabaseHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu.");
}
