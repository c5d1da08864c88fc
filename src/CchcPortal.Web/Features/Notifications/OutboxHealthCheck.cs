using CchcPortal.Core.Data;
using CchcPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CchcPortal.Web.Features.Notifications;

/// <summary>Degraded while mail keeps failing (<see cref="FailingMail"/>); the description gives counts only.</summary>
public sealed class OutboxHealthCheck(PortalDbContext db, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var failing = await FailingMail.Where(db.OutgoingEmails, time.GetUtcNow().UtcDateTime)
            .GroupBy(m => m.Attempts >= Outbox.MaxAttempts).Select(g => new { GivenUp = g.Key, Count = g.Count() }).ToListAsync(ct);
        var givenUp = failing.Where(f => f.GivenUp).Sum(f => f.Count);
        var retrying = failing.Where(f => !f.GivenUp).Sum(f => f.Count);
        if (givenUp + retrying == 0) return HealthCheckResult.Healthy("Không có thư gửi lỗi nhiều lần.");
        return HealthCheckResult.Degraded(
            $"{givenUp} thư ngừng gửi vì lỗi trong {FailingMail.GivenUpWindow.TotalDays:0} ngày qua; {retrying} thư đang thử lại sau ít nhất {FailingMail.RetryingAttempts} lần lỗi.");
    }
}
