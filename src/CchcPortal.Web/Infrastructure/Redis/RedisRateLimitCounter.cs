using StackExchange.Redis;

namespace CchcPortal.Web.Infrastructure.Redis;

/// <summary>
/// Fixed-window counters in Redis, so the limits of <see cref="RateLimits"/> count a client's requests on every node.
/// While Redis is unreachable every request is let through (a warning at most once a minute): a citizen never
/// gets an error because of the limiter.
/// </summary>
public sealed class RedisRateLimitCounter(RedisConnection redis, TimeProvider time, ILogger<RedisRateLimitCounter> log)
{
    // The window starts with the first request; a key left without an expiry (never, but cheap to guard) gets one.
    private static readonly LuaScript Hit = LuaScript.Prepare(
        "local n = redis.call('INCR', @key) local ttl = redis.call('PTTL', @key) " +
        "if ttl < 0 then redis.call('PEXPIRE', @key, @window) ttl = tonumber(@window) end return {n, ttl}");

    private long _lastWarning = long.MinValue;

    /// <summary>Counts one request under <paramref name="key"/>; whether it is within <paramref name="limit"/>, and when the window ends.</summary>
    public async ValueTask<(bool Allowed, TimeSpan RetryAfter)> HitAsync(string key, int limit, TimeSpan window)
    {
        try
        {
            var result = (RedisResult[])(await Hit.EvaluateAsync(redis.Database,
                new { key = redis.Key("rate:" + key), window = (long)window.TotalMilliseconds }))!;
            return ((long)result[0] <= limit, TimeSpan.FromMilliseconds((long)result[1]));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            var now = time.GetTimestamp();
            var last = Interlocked.Read(ref _lastWarning);
            if (last == long.MinValue || time.GetElapsedTime(last, now) > TimeSpan.FromMinutes(1))
            {
                Interlocked.Exchange(ref _lastWarning, now);
                log.LogWarning("Redis unreachable, rate limits not applied: {Error}", e.Message);
            }
            return (true, TimeSpan.Zero);
        }
    }
}
