using CchcPortal.Core.Contests;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Features.Contests;

/// <summary>Adds the demo contest of content/seed/contests on a development install only (never in production or tests).</summary>
public sealed class ContestDemoSeedJob(IServiceScopeFactory scopes, IHostEnvironment environment, PortalPaths paths, ILogger<ContestDemoSeedJob> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!environment.IsDevelopment()) return;
        using var scope = scopes.CreateScope();
        if (await scope.ServiceProvider.GetRequiredService<ContestDemoSeeder>().SeedAsync(paths.SeedPath, ct) is { } contest)
            log.LogInformation("Demo contest at {Path}", ContestPaths.Contest(contest.Slug));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
