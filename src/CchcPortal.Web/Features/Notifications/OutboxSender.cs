using System.Collections.Concurrent;
using CchcPortal.Core.Notifications;
using CchcPortal.Web.Infrastructure.Leases;

namespace CchcPortal.Web.Features.Notifications;

/// <summary>
/// Delivers the outbox in order, in batches: woken right after a transaction queues mail (<see cref="OutboxSignal"/>)
/// and also every <see cref="PollPeriod"/>. A failure counts an attempt, keeps the error and waits longer each time
/// (<see cref="Outbox.Backoff"/>); after <see cref="Outbox.MaxAttempts"/> the row stays, visible in the manager.
/// A message that can never be sent (<see cref="MailTransport.IsPermanent"/>) is given up on at its first failure.
/// With several nodes only the holder of the outbox lease sends; the claim (an UPDATE that only one sender wins)
/// still keeps two senders that overlap briefly, while a lease changes hands, from sending one message twice.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IWorkLeases leases, OutboxSignal signal, MailTransport transport, TimeProvider time, ILogger<OutboxSender> log) : BackgroundService
{
    public static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(30);
    public const int BatchSize = 20;

    private readonly SemaphoreSlim _gate = new(1, 1);
    // Rows that failed, and the time before which they are not tried again (kept in memory: after a restart a
    // failed row gets one immediate try, then backs off again).
    private readonly ConcurrentDictionary<int, DateTime> _notBefore = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await leases.TryHoldAsync(WorkLeaseNames.Outbox, stoppingToken)) await FlushAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Sending the outbox failed; will retry.");
            }
            await signal.WaitAsync(PollPeriod, time, stoppingToken);
        }
    }

    /// <summary>Delivers every message due now and returns how many were sent. Tests call it to wait for delivery.</summary>
    public async Task<int> FlushAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var sent = 0;
            var tried = new HashSet<int>();
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var (id, at) in _notBefore)
                if (at <= now) _notBefore.TryRemove(id, out _);
            var backingOff = _notBefore.Keys.ToList();
            while (true)
            {
                using var scope = scopes.CreateScope();
                var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
                var batch = await outbox.PendingAsync(BatchSize, tried, backingOff, ct);
                if (batch.Count == 0) return sent;
                foreach (var row in batch)
                {
                    tried.Add(row.Id);
                    if (!await outbox.ClaimAsync(row, ct)) continue;
                    try
                    {
                        await transport.SendAsync(row, ct);
                        await outbox.MarkSentAsync(row.Id, CancellationToken.None);
                        _notBefore.TryRemove(row.Id, out _);
                        sent++;
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested && MailTransport.IsPermanent(ex))
                    {
                        await outbox.MarkUndeliverableAsync(row.Id, ex.Message, CancellationToken.None);
                        _notBefore.TryRemove(row.Id, out _);
                        log.LogWarning("E-mail {Id} ({Purpose}) can never be sent, given up: {Error}", row.Id, row.Purpose, ex.Message);
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        var attempts = row.Attempts + 1;
                        await outbox.MarkFailedAsync(row.Id, ex.Message, CancellationToken.None);
                        _notBefore[row.Id] = time.GetUtcNow().UtcDateTime + Outbox.Backoff(attempts);
                        log.LogWarning("E-mail {Id} ({Purpose}) not sent, attempt {Attempts}/{Max}: {Error}", row.Id, row.Purpose, attempts, Outbox.MaxAttempts, ex.Message);
                    }
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
