using System.Collections.Concurrent;

namespace CchcPortal.Core.Identity;

/// <summary>
/// Slows password and code guessing without locking anybody out: failures count per (account key, client address)
/// and per address across accounts, and only that pair (or that address) has to wait. A sign-in from another
/// address is never held back by an attacker's failures. Behind an interface so several nodes can share it.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>How long this attempt must still wait; zero when it may go ahead.</summary>
    Task<TimeSpan> RetryAfterAsync(string accountKey, string address);

    Task FailedAsync(string accountKey, string address);

    /// <summary>A right password or code forgets the pair's failures (not the address's).</summary>
    Task SucceededAsync(string accountKey, string address);
}

/// <param name="FreeFailures">Failures of one (account, address) before it waits.</param>
/// <param name="AddressFreeFailures">Failures of one address, any accounts, before it waits.</param>
/// <param name="MaxDelay">The longest wait; the wait doubles from one minute up to it.</param>
public sealed record SignInThrottlePolicy(int FreeFailures, int AddressFreeFailures, TimeSpan MaxDelay)
{
    /// <summary>Failures older than this are forgotten.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    /// <summary>The wait after <paramref name="failures"/> failures when <paramref name="free"/> are allowed: 0, then 1, 2, 4 … minutes.</summary>
    public TimeSpan Delay(int failures, int free)
    {
        if (failures < free) return TimeSpan.Zero;
        var minutes = Math.Pow(2, Math.Min(failures - free, 20));
        return TimeSpan.FromMinutes(Math.Min(minutes, MaxDelay.TotalMinutes));
    }

    /// <summary>The counter names of an attempt: the (account, address) pair and the address alone.</summary>
    public static (string Pair, string Address) Keys(string accountKey, string address) =>
        ($"{accountKey.Trim().ToUpperInvariant()}\n{address}", $"*\n{address}");
}

/// <summary>The throttle of one node, in memory.</summary>
public sealed class MemorySignInThrottle(SignInThrottlePolicy policy, TimeProvider time) : ISignInThrottle
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    private sealed class Counter
    {
        public int Failures;
        public DateTimeOffset LastFailure;
        public DateTimeOffset BlockedUntil;
    }

    public Task<TimeSpan> RetryAfterAsync(string accountKey, string address)
    {
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        var (pair, byAddress) = SignInThrottlePolicy.Keys(accountKey, address);
        foreach (var key in new[] { pair, byAddress })
            if (_counters.TryGetValue(key, out var c))
                lock (c)
                    if (c.BlockedUntil - now > wait) wait = c.BlockedUntil - now;
        return Task.FromResult(wait);
    }

    public Task FailedAsync(string accountKey, string address)
    {
        var now = time.GetUtcNow();
        if (_counters.Count > PruneAbove) Prune(now);
        var (pair, byAddress) = SignInThrottlePolicy.Keys(accountKey, address);
        Count(pair, policy.FreeFailures, now);
        Count(byAddress, policy.AddressFreeFailures, now);
        return Task.CompletedTask;
    }

    public Task SucceededAsync(string accountKey, string address)
    {
        _counters.TryRemove(SignInThrottlePolicy.Keys(accountKey, address).Pair, out _);
        return Task.CompletedTask;
    }

    private void Count(string key, int free, DateTimeOffset now)
    {
        var c = _counters.GetOrAdd(key, _ => new Counter());
        lock (c)
        {
            if (now - c.LastFailure > SignInThrottlePolicy.Memory) c.Failures = 0;
            c.Failures++;
            c.LastFailure = now;
            c.BlockedUntil = now + policy.Delay(c.Failures, free);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, c) in _counters)
            if (now - c.LastFailure > SignInThrottlePolicy.Memory && now > c.BlockedUntil) _counters.TryRemove(key, out _);
    }
}
