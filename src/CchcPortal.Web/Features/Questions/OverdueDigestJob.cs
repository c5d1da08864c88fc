using System.Globalization;
using CchcPortal.Core.Common;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.Questions;
using CchcPortal.Web.Infrastructure;
using CchcPortal.Web.Infrastructure.Leases;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Features.Questions;

/// <summary>
/// Queues the overdue digests once a day at Portal:OverdueDigestTime (Vietnam time). Started after that time,
/// it catches up at once; the outbox keys make a repeat (restart, second node) queue nothing. With several nodes
/// the holder of its lease does it; the others check every minute whether the lease has come free.
/// </summary>
public sealed class OverdueDigestJob(IServiceScopeFactory scopes, IWorkLeases leases, IOptions<PortalOptions> options, TimeProvider time, ILogger<OverdueDigestJob> log) : BackgroundService
{
    private TimeOnly DigestTime =>
        TimeOnly.TryParseExact(options.Value.OverdueDigestTime, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : new TimeOnly(7, 30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var local = VnFormat.ToLocal(time.GetUtcNow().UtcDateTime);
            var todayAt = DateOnly.FromDateTime(local).ToDateTime(DigestTime);
            var due = local >= todayAt;
            var held = due && await leases.TryHoldAsync(WorkLeaseNames.OverdueDigest, stoppingToken);
            if (held)
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError(ex, "Queuing the overdue digest failed; will retry at the next run.");
                }
            }
            var next = due ? todayAt.AddDays(1) : todayAt;
            // Re-read the clock at least hourly, so a changed system time does not leave the job asleep for a day.
            var wait = next - VnFormat.ToLocal(time.GetUtcNow().UtcDateTime);
            if (wait > TimeSpan.FromHours(1)) wait = TimeSpan.FromHours(1);
            if (due && !held) wait = TimeSpan.FromMinutes(1);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stoppingToken);
        }
    }

    /// <summary>Queues today's digests (Vietnam date) not queued yet; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(VnFormat.ToLocal(time.GetUtcNow().UtcDateTime));
        using var scope = scopes.CreateScope();
        var count = await scope.ServiceProvider.GetRequiredService<OverdueDigest>().QueueAsync(today, ct);
        if (count > 0) log.LogInformation("Queued {Count} overdue digest(s) for {Day}", count, today);
        return count;
    }
}
