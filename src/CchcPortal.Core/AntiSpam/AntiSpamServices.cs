using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Core.AntiSpam;

public static class AntiSpamServices
{
    /// <summary>Proof of work, the no-JavaScript question and the guard; the host registers <see cref="AntiSpamSettings"/>.</summary>
    public static IServiceCollection AddPortalAntiSpam(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<IUsedTokenStore, MemoryUsedTokenStore>();
        services.AddSingleton(sp => new UsedTokens(sp.GetRequiredService<IUsedTokenStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ProofOfWork>();
        services.AddSingleton<HumanQuestion>();
        services.AddSingleton<AntiSpamGuard>();
        return services;
    }
}
