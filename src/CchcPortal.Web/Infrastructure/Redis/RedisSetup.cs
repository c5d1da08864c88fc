using CchcPortal.Core.AntiSpam;
using CchcPortal.Core.Identity;
using CchcPortal.Web.Infrastructure.Leases;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace CchcPortal.Web.Infrastructure.Redis;

public static class RedisSetup
{
    /// <summary>
    /// With Redis:Configuration, moves what nodes must share into Redis: the page cache (an edit evicts on every node),
    /// rate-limit and sign-in counters, spent proofs of work and the leases of scheduled work. Data-protection keys
    /// follow in <see cref="DataProtectionSetup"/>. Without it nothing is registered and the in-process services stay.
    /// Called last, so these registrations replace the in-process ones.
    /// </summary>
    public static WebApplicationBuilder AddPortalRedis(this WebApplicationBuilder builder)
    {
        var options = RedisOptions.From(builder.Configuration);
        var services = builder.Services;
        if (!options.Enabled)
        {
            services.TryAddSingleton<IWorkLeases, LocalWorkLeases>();
            return builder;
        }
        services.AddSingleton(options);
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var config = ConfigurationOptions.Parse(options.Configuration);
            // A Redis that is down must not keep the portal from starting or make each request wait out a timeout:
            // commands fail at once while disconnected, and the callers fail the safe way.
            config.AbortOnConnectFail = false;
            config.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(config);
        });
        services.AddSingleton<RedisConnection>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");

        services.RemoveAll<IOutputCacheStore>();
        services.AddStackExchangeRedisOutputCache(_ => { });
        // The package's store (an internal type) behind a wrapper that turns an outage into cache misses.
        var redisStore = services.Single(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(redisStore);
        var storeType = redisStore.ImplementationType!;
        services.AddSingleton(storeType);
        services.AddSingleton<IOutputCacheStore>(sp => new FailOpenOutputCacheStore((IOutputCacheStore)sp.GetRequiredService(storeType),
            sp.GetRequiredService<ILogger<FailOpenOutputCacheStore>>()));
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
            .Configure<IServiceProvider>((o, sp) =>
            {
                o.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>());
                o.InstanceName = options.InstanceName + "page:";
            });

        services.AddSingleton<RedisRateLimitCounter>();
        services.Replace(ServiceDescriptor.Singleton<ISignInThrottle, RedisSignInThrottle>());
        services.Replace(ServiceDescriptor.Singleton<IUsedTokenStore, RedisUsedTokenStore>());
        services.AddSingleton<RedisWorkLeases>();
        services.Replace(ServiceDescriptor.Singleton<IWorkLeases>(sp => sp.GetRequiredService<RedisWorkLeases>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisWorkLeases>());
        return builder;
    }
}
