using Microsoft.Extensions.Caching.Memory;

namespace CchcPortal.Core.AntiSpam;

/// <summary>
/// Remembers spent challenges until they expire, so a solved one cannot be posted twice. Where they are remembered is
/// the <see cref="IUsedTokenStore"/>: this process's memory on one node, Redis when several nodes share the load (a
/// replay could otherwise land on another node). After a restart the memory is empty; a challenge issued before it
/// can then be used once more, within its lifetime.
/// </summary>
public sealed class UsedTokens(IUsedTokenStore store, TimeProvider time)
{
    public UsedTokens(IMemoryCache cache, TimeProvider time) : this(new MemoryUsedTokenStore(cache), time) { }

    /// <summary>Marks the token as used; false when it was already used.</summary>
    public bool TryUse(string token, DateTimeOffset expiresAt)
    {
        // Relative to the portal's clock (the store keeps its own): kept a minute past the token's own expiry.
        var keep = expiresAt - time.GetUtcNow() + TimeSpan.FromMinutes(1);
        return store.TryUse("antispam-used:" + token, keep > TimeSpan.FromMinutes(1) ? keep : TimeSpan.FromMinutes(1));
    }
}

/// <summary>Where spent tokens are kept.</summary>
public interface IUsedTokenStore
{
    /// <summary>Records the key for <paramref name="keep"/>; false when it was already recorded (atomically).</summary>
    bool TryUse(string key, TimeSpan keep);
}

/// <summary>Spent tokens in this process's memory: right for one node.</summary>
public sealed class MemoryUsedTokenStore(IMemoryCache cache) : IUsedTokenStore
{
    private readonly Lock _gate = new();

    public bool TryUse(string key, TimeSpan keep)
    {
        lock (_gate)
        {
            if (cache.TryGetValue(key, out _)) return false;
            cache.Set(key, true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = keep, Size = 1 });
            return true;
        }
    }
}
