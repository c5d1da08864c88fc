using Microsoft.Extensions.Caching.Memory;

namespace CchcPortal.Core.AntiSpam;

/// <summary>
/// Remembers spent challenges until they expire, so a solved one cannot be posted twice.
/// Kept in this process's memory: right for one node. With several web nodes behind a load balancer a replay
/// could land on another node, so scale-out must back this with the shared cache (Redis) instead.
/// After a restart the memory is empty; a challenge issued before it can then be used once more, within its lifetime.
/// </summary>
public sealed class UsedTokens(IMemoryCache cache, TimeProvider time)
{
    private readonly Lock _gate = new();

    /// <summary>Marks the token as used; false when it was already used.</summary>
    public bool TryUse(string token, DateTimeOffset expiresAt)
    {
        var key = "antispam-used:" + token;
        lock (_gate)
        {
            if (cache.TryGetValue(key, out _)) return false;
            // Relative to the portal's clock (the cache keeps its own): kept a minute past the token's own expiry.
            var keep = expiresAt - time.GetUtcNow() + TimeSpan.FromMinutes(1);
            cache.Set(key, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = keep > TimeSpan.FromMinutes(1) ? keep : TimeSpan.FromMinutes(1), Size = 1 });
            return true;
        }
    }
}
