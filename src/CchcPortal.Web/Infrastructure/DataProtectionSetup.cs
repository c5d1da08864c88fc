using CchcPortal.Web.Infrastructure.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;

namespace CchcPortal.Web.Infrastructure;

public static class DataProtectionSetup
{
    /// <summary>
    /// Keys live in the data folder, so sign-in cookies and antiforgery tokens survive a restart; with Redis configured
    /// they live there instead, so a cookie or token made on one node is valid on every other. Encryption of the keys
    /// with a certificate (<see cref="KeyProtection"/>) applies to either.
    /// </summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("CchcPortal");
        services.AddOptions<KeyManagementOptions>().Configure<PortalPaths, ILoggerFactory, IServiceProvider>((o, paths, logs, sp) =>
            o.XmlRepository = sp.GetService<RedisConnection>() is { } redis
                ? new RedisXmlRepository(() => redis.Database, redis.Key("data-protection-keys"))
                : new FileSystemXmlRepository(new DirectoryInfo(paths.KeysPath), logs));
        return services;
    }
}
