namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// A background service that keeps counts in memory and writes them every <see cref="Interval"/> and once more at
/// shutdown (the view counters). A failed flush is logged; what it keeps for the next one is up to <see cref="FlushAsync"/>.
/// </summary>
public abstract class PeriodicFlushService(TimeProvider time, ILogger log) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected abstract TimeSpan Interval { get; }

    public abstract Task FlushAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await SafeFlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) { }
        await SafeFlushAsync(CancellationToken.None);
    }

    private async Task SafeFlushAsync(CancellationToken ct)
    {
        try { await FlushAsync(ct); }
        catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "{Service} could not save its counts", GetType().Name); }
    }
}
