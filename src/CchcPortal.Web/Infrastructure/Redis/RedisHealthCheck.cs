using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CchcPortal.Web.Infrastructure.Redis;

/// <summary>
/// Whether this node reaches the Redis the nodes share (a PING). Unreachable is Degraded, not Unhealthy: the node still
/// serves everyone (pages uncached, limits and proofs kept on the node), and taking every node out of the load
/// balancer because their shared Redis is down would stop the site. The operator still sees it, and that meanwhile no
/// node runs scheduled work (its leases live in Redis).
/// </summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var latency = await redis.Database.PingAsync().WaitAsync(TimeSpan.FromSeconds(2), ct);
            return HealthCheckResult.Healthy("Kết nối Redis bình thường.",
                new Dictionary<string, object> { ["latencyMs"] = Math.Round(latency.TotalMilliseconds, 1) });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded(
                "Không kết nối được Redis: trang vẫn phục vụ nhưng không dùng bộ nhớ đệm chung, và không nút nào chạy việc định kỳ.");
        }
    }
}
