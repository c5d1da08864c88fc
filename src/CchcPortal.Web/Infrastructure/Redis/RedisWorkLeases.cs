using System.Collections.Concurrent;
using CchcPortal.Web.Infrastructure.Leases;
using StackExchange.Redis;

namespace CchcPortal.Web.Infrastructure.Redis;

/// <summary>
/// Leases in Redis: taken with SET NX PX (value: this node's random token), renewed every third of the time to live
/// by a compare-and-extend script, given back at shutdown by compare-and-delete. A node that dies keeps its leases at
/// most one time to live (Redis:LeaseSeconds, 30 s); then another node's next try takes them. While Redis is
/// unreachable no node holds anything, so no job runs twice; they resume when it is back.
/// </summary>
public sealed class RedisWorkLeases(RedisConnection redis, RedisOptions options, ILogger<RedisWorkLeases> log) : BackgroundService, IWorkLeases
{
    private static readonly LuaScript Extend = LuaScript.Prepare(
        "if redis.call('GET', @key) == @token then return redis.call('PEXPIRE', @key, @ttl) else return 0 end");
    private static readonly LuaScript Release = LuaScript.Prepare(
        "if redis.call('GET', @key) == @token then return redis.call('DEL', @key) else return 0 end");

    private readonly string _token = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<string, bool> _held = new();

    public TimeSpan TimeToLive => TimeSpan.FromSeconds(Math.Max(3, options.LeaseSeconds));

    public async Task<bool> TryHoldAsync(string name, CancellationToken ct = default)
    {
        try
        {
            var db = redis.Database;
            var held = _held.ContainsKey(name) && await ExtendAsync(db, name)
                || await db.StringSetAsync(Key(name), _token, TimeToLive, When.NotExists);
            if (held) _held[name] = true;
            else _held.TryRemove(name, out _);
            return held;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _held.TryRemove(name, out _);
            log.LogWarning("Redis unreachable, scheduled work {Lease} paused on this node: {Error}", name, e.Message);
            return false;
        }
    }

    /// <summary>Renews the held leases, so a job keeps its node between its runs.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeToLive / 3);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            foreach (var name in _held.Keys)
                if (!await TryHoldAsync(name, stoppingToken))
                    log.LogWarning("Lease {Lease} lost: another node runs that work now.", name);
    }

    /// <summary>Gives the leases back, so another node takes over at its next try instead of after the time to live.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var name in _held.Keys)
        {
            try
            {
                await Release.EvaluateAsync(redis.Database, new { key = Key(name), token = _token });
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                log.LogWarning("Lease {Lease} not given back (it expires by itself): {Error}", name, e.Message);
            }
            _held.TryRemove(name, out _);
        }
    }

    private async Task<bool> ExtendAsync(IDatabase db, string name) =>
        (long)await Extend.EvaluateAsync(db, new { key = Key(name), token = _token, ttl = (long)TimeToLive.TotalMilliseconds }) == 1;

    private RedisKey Key(string name) => redis.Key("lease:" + name);
}
