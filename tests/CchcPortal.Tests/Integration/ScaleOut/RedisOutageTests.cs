using System.Net;
using System.Net.Sockets;
using CchcPortal.Core.Identity;
using CchcPortal.Tests.Support;
using CchcPortal.Web.Infrastructure.Redis;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace CchcPortal.Tests.Integration.ScaleOut;

/// <summary>
/// Redis configured but unreachable (nothing listens on its port): citizens are never refused for it. Limits let
/// requests through, spent proofs are remembered on the node, pages are rendered uncached, and no node runs
/// scheduled work.
/// </summary>
public sealed class RedisOutageTests : IDisposable
{
    private readonly string _configuration = $"127.0.0.1:{LoopbackPort.Free()},abortConnect=false,connectTimeout=200,connectRetry=0,asyncTimeout=300,syncTimeout=300";
    private readonly ConnectionMultiplexer _multiplexer;
    private readonly RedisConnection _redis;

    public RedisOutageTests()
    {
        var options = ConfigurationOptions.Parse(_configuration);
        options.BacklogPolicy = BacklogPolicy.FailFast; // as RedisSetup connects
        _multiplexer = ConnectionMultiplexer.Connect(options);
        _redis = new RedisConnection(_multiplexer, new RedisOptions { Configuration = _configuration });
    }

    public void Dispose() => _multiplexer.Dispose();

    [Fact]
    public async Task Limits_proofs_throttle_and_leases_fail_the_safe_way()
    {
        var counter = new RedisRateLimitCounter(_redis, TimeProvider.System, NullLogger<RedisRateLimitCounter>.Instance);
        Assert.True((await counter.HitAsync("public-post:203.0.113.9", 1, TimeSpan.FromMinutes(1))).Allowed);

        var tokens = new RedisUsedTokenStore(_redis, new MemoryCache(new MemoryCacheOptions()), NullLogger<RedisUsedTokenStore>.Instance);
        Assert.True(tokens.TryUse("antispam-used:pow:abc", TimeSpan.FromMinutes(5)));
        Assert.False(tokens.TryUse("antispam-used:pow:abc", TimeSpan.FromMinutes(5)));

        var throttle = new RedisSignInThrottle(_redis, new SignInThrottlePolicy(1, 1, TimeSpan.FromMinutes(30)), NullLogger<RedisSignInThrottle>.Instance);
        await throttle.FailedAsync("a@test.local", "203.0.113.9");
        Assert.Equal(TimeSpan.Zero, await throttle.RetryAfterAsync("a@test.local", "203.0.113.9"));

        using var leases = new RedisWorkLeases(_redis, new RedisOptions(), NullLogger<RedisWorkLeases>.Instance);
        Assert.False(await leases.TryHoldAsync("outbox"));
    }

    /// <summary>/healthz says so, as Degraded: the node keeps serving and stays in the load balancer.</summary>
    [Fact]
    public async Task The_health_check_reports_Redis_unreachable_as_degraded()
    {
        var result = await new RedisHealthCheck(_redis).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("Không kết nối được Redis", result.Description);
    }

    [Fact]
    public async Task The_page_cache_misses_instead_of_failing()
    {
        using var services = new ServiceCollection().AddLogging()
            .AddStackExchangeRedisOutputCache(o => o.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(_multiplexer))
            .BuildServiceProvider();
        var store = new FailOpenOutputCacheStore(services.GetRequiredService<IOutputCacheStore>(), NullLogger<FailOpenOutputCacheStore>.Instance);
        await store.SetAsync("page", [1, 2, 3], ["site"], TimeSpan.FromMinutes(1), default);
        Assert.Null(await store.GetAsync("page", default));
        await store.EvictByTagAsync("site", default);
    }
}
