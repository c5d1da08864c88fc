using CchcPortal.Core.AntiSpam;
using Microsoft.Extensions.Caching.Memory;
using StackExchange.Redis;

namespace CchcPortal.Web.Infrastructure.Redis;

/// <summary>
/// Spent proofs of work in Redis (SET NX with the challenge's lifetime), so a solved challenge is accepted once
/// whichever node it reaches. While Redis is unreachable this node remembers them itself (a warning is logged):
/// a citizen's question is never refused for it, and a replay is still caught on the node that saw the first use.
/// </summary>
public sealed class RedisUsedTokenStore(RedisConnection redis, IMemoryCache cache, ILogger<RedisUsedTokenStore> log) : IUsedTokenStore
{
    private readonly MemoryUsedTokenStore _fallback = new(cache);

    public bool TryUse(string key, TimeSpan keep)
    {
        try
        {
            return redis.Database.StringSet(redis.Key(key), "1", keep, When.NotExists);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning("Redis unreachable, spent proof of work kept on this node only: {Error}", e.Message);
            return _fallback.TryUse(key, keep);
        }
    }
}
