using CchcPortal.Core.News;
using CchcPortal.Web.Infrastructure.Leases;

namespace CchcPortal.Web.Features.News;

/// <summary>
/// Publishes scheduled posts when their time comes. Public queries already show a scheduled post from its
/// time on; this turns it into Published and evicts the cached pages so it appears without waiting for expiry.
/// With several nodes only the holder of its lease does it.
/// </summary>
public sealed class ScheduledPublishingService(IServiceScopeFactory scopes, IWorkLeases leases, TimeProvider time, ILogger<ScheduledPublishingService> log) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                if (await leases.TryHoldAsync(WorkLeaseNames.ScheduledPublishing, stoppingToken)) await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Scheduled publishing failed; will retry.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var count = await scope.ServiceProvider.GetRequiredService<PostWorkflowService>().PublishDueAsync(ct);
        if (count > 0) log.LogInformation("Published {Count} scheduled post(s)", count);
        return count;
    }
}
