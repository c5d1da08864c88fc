using System.Diagnostics;
using System.Threading.RateLimiting;

namespace CchcPortal.Web.Infrastructure.Redis;

/// <summary>
/// One client's fixed window of one policy, counted in Redis by <see cref="RedisRateLimitCounter"/>. The count
/// needs a round trip, so the synchronous attempt always declines and the middleware asks <see cref="AcquireAsyncCore"/>.
/// </summary>
public sealed class RedisWindowLimiter(RedisRateLimitCounter counter, string key, int permitLimit, TimeSpan window) : RateLimiter
{
    private long _lastUsed = Stopwatch.GetTimestamp();

    /// <summary>Lets the partitioned limiter drop a client's limiter it has not seen for a while (the count stays in Redis).</summary>
    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Pending;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0) return Lease.Granted;
        var (allowed, retryAfter) = await counter.HitAsync(key, permitLimit, window);
        return allowed ? Lease.Granted : new Lease(false, retryAfter);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease Pending = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
