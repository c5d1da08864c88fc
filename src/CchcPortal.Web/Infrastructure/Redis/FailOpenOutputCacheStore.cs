using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace CchcPortal.Web.Infrastructure.Redis;

/// <summary>
/// The Redis page cache, minus its errors: while Redis is unreachable every page is rendered fresh (a miss) and
/// nothing is stored, instead of a 500. An eviction that could not reach Redis is logged: entries made before the
/// outage may then be served until they expire (30 minutes at most).
/// </summary>
public sealed class FailOpenOutputCacheStore(IOutputCacheStore inner, ILogger<FailOpenOutputCacheStore> log) : IOutputCacheStore
{
    private long _lastWarning;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception e) when (IsOutage(e))
        {
            Warn("read", e);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception e) when (IsOutage(e))
        {
            Warn("store", e);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception e) when (IsOutage(e))
        {
            log.LogWarning("Redis unreachable, cached pages tagged {Tag} not evicted (they expire by themselves): {Error}", tag, e.Message);
        }
    }

    /// <summary>The store's tag eviction runs its Redis calls in parallel and reports their failures together.</summary>
    private static bool IsOutage(Exception e) =>
        e is RedisException or TimeoutException || e is AggregateException all && all.Flatten().InnerExceptions.All(IsOutage);

    private void Warn(string what, Exception e)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarning);
        if (last != 0 && now - last < 60_000) return;
        Interlocked.Exchange(ref _lastWarning, now);
        log.LogWarning("Redis unreachable, page cache {What} skipped: {Error}", what, e.Message);
    }
}
