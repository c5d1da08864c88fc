using CchcPortal.Core.Identity;
using StackExchange.Redis;

namespace CchcPortal.Web.Infrastructure.Redis;

/// <summary>
/// The sign-in throttle shared by every node: a failure counter per (account, address) and per address that lives
/// <see cref="SignInThrottlePolicy.Memory"/> after the last failure, and a "wait" key whose time to live is the wait.
/// Redis's clock decides, so nodes whose clocks differ agree. While Redis is unreachable nobody is held back (a
/// warning is logged): the per-address rate limit still bounds guessing.
/// </summary>
public sealed class RedisSignInThrottle(RedisConnection redis, SignInThrottlePolicy policy, ILogger<RedisSignInThrottle> log) : ISignInThrottle
{
    private static readonly LuaScript CountFailure = LuaScript.Prepare(
        "local n = redis.call('INCR', @counter) redis.call('PEXPIRE', @counter, @memory) return n");

    public async Task<TimeSpan> RetryAfterAsync(string accountKey, string address)
    {
        var (pair, byAddress) = SignInThrottlePolicy.Keys(accountKey, address);
        try
        {
            var db = redis.Database;
            var waits = await Task.WhenAll(db.KeyTimeToLiveAsync(WaitKey(pair)), db.KeyTimeToLiveAsync(WaitKey(byAddress)));
            return waits.Max(w => w ?? TimeSpan.Zero);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning("Redis unreachable, sign-in throttle not applied: {Error}", e.Message);
            return TimeSpan.Zero;
        }
    }

    public async Task FailedAsync(string accountKey, string address)
    {
        var (pair, byAddress) = SignInThrottlePolicy.Keys(accountKey, address);
        try
        {
            await CountAsync(pair, policy.FreeFailures);
            await CountAsync(byAddress, policy.AddressFreeFailures);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning("Redis unreachable, failed sign-in not counted: {Error}", e.Message);
        }
    }

    public async Task SucceededAsync(string accountKey, string address)
    {
        var pair = SignInThrottlePolicy.Keys(accountKey, address).Pair;
        try
        {
            await redis.Database.KeyDeleteAsync([CounterKey(pair), WaitKey(pair)]);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning("Redis unreachable, sign-in failures not cleared: {Error}", e.Message);
        }
    }

    private async Task CountAsync(string key, int free)
    {
        var db = redis.Database;
        var failures = (int)await CountFailure.EvaluateAsync(db,
            new { counter = CounterKey(key), memory = (long)SignInThrottlePolicy.Memory.TotalMilliseconds });
        var wait = policy.Delay(failures, free);
        if (wait > TimeSpan.Zero) await db.StringSetAsync(WaitKey(key), "1", wait);
    }

    private RedisKey CounterKey(string key) => redis.Key("signin:failures:" + key);
    private RedisKey WaitKey(string key) => redis.Key("signin:wait:" + key);
}
