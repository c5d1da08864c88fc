using System.Globalization;
using CchcPortal.Core.Subscriptions;
using CchcPortal.Web.Infrastructure.Leases;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Features.Subscriptions;

/// <summary>Configuration section "Portal:Subscriptions".</summary>
public sealed class SubscriptionOptions
{
    /// <summary>When the daily digests are queued, Vietnam time ("H:mm").</summary>
    public string DailyDigestTime { get; set; } = "17:00";
}

/// <summary>
/// Runs the <see cref="SubscriptionDispatcher"/> every <see cref="Period"/> under its work lease, so with several
/// nodes exactly one follows the feed. Runs never overlap on a node; the outbox keys keep a repeat harmless.
/// </summary>
public sealed class SubscriptionDispatchJob(IServiceScopeFactory scopes, IWorkLeases leases, IOptions<SubscriptionOptions> options, TimeProvider time,
    ILogger<SubscriptionDispatchJob> log) : BackgroundService
{
    public const string LeaseName = "subscriptions";
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _running = new(1, 1);

    public TimeOnly DigestTime =>
        TimeOnly.TryParseExact(options.Value.DailyDigestTime, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : new TimeOnly(17, 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                if (await leases.TryHoldAsync(LeaseName, stoppingToken)) await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Dispatching subscription e-mail failed; will retry.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass of the dispatcher; returns how many messages it queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await _running.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var count = await scope.ServiceProvider.GetRequiredService<SubscriptionDispatcher>().RunAsync(DigestTime, ct);
            if (count > 0) log.LogInformation("Queued {Count} subscription message(s)", count);
            return count;
        }
        finally
        {
            _running.Release();
        }
    }
}
