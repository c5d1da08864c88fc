using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Notifications;

/// <summary>
/// The outbox table as the sender and the manager use it: what is waiting, claiming a row before sending it,
/// recording the result, and a manual retry. A row is never deleted: a message given up on stays visible.
/// </summary>
public sealed class Outbox(PortalDbContext db, TimeProvider time, OutboxSignal signal)
{
    /// <summary>After this many failed attempts the sender gives up; an administrator can retry by hand.</summary>
    public const int MaxAttempts = 8;

    /// <summary>How long to wait after the given number of failed attempts: 1 min, 5 min, 15 min, 1 h, then 3 h.</summary>
    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(15),
        4 => TimeSpan.FromHours(1),
        _ => TimeSpan.FromHours(3),
    };

    /// <summary>
    /// Unsent rows the sender may still try, oldest first, leaving out <paramref name="skip"/> and the rows
    /// <paramref name="backingOff"/> unless their count was reset by a manual retry.
    /// </summary>
    public Task<List<OutgoingEmail>> PendingAsync(int take, IReadOnlyCollection<int> skip, IReadOnlyCollection<int> backingOff, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.OutgoingEmails.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts && !skip.Contains(m.Id) && (m.Attempts == 0 || !backingOff.Contains(m.Id))
                        && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
            .OrderBy(m => m.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>How long a claimed row is left to its sender: far longer than a send takes (the SMTP timeout).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Counts the attempt before sending, only if nobody else did since the row was read: two senders reading the
    /// same row cannot both send it. A crash after the claim leaves an attempt counted and the row unsent (it is
    /// retried: at least once, never silently lost).
    /// </summary>
    public async Task<bool> ClaimAsync(OutgoingEmail m, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + ClaimLease;
        return await db.OutgoingEmails
            .Where(x => x.Id == m.Id && x.SentAt == null && x.Attempts == m.Attempts && (x.ClaimedUntil == null || x.ClaimedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.ClaimedUntil, until), ct) == 1;
    }

    public Task MarkSentAsync(int id, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.OutgoingEmails.Where(x => x.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAt, now).SetProperty(x => x.LastError, "").SetProperty(x => x.ClaimedUntil, (DateTime?)null), ct);
    }

    public Task MarkFailedAsync(int id, string error, CancellationToken ct = default)
    {
        var text = ErrorText(error);
        return db.OutgoingEmails.Where(x => x.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastError, text).SetProperty(x => x.ClaimedUntil, (DateTime?)null), ct);
    }

    /// <summary>A message no retry can send (a malformed address, a recipient refused for good): no more attempts.</summary>
    public Task MarkUndeliverableAsync(int id, string error, CancellationToken ct = default)
    {
        var text = ErrorText(error);
        return db.OutgoingEmails.Where(x => x.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastError, text).SetProperty(x => x.Attempts, MaxAttempts).SetProperty(x => x.ClaimedUntil, (DateTime?)null), ct);
    }

    private string ErrorText(string error)
    {
        var text = $"{VnTime()}: {error}";
        return text.Length > 1000 ? text[..1000] : text;
    }

    public Task<List<OutgoingEmail>> RecentAsync(int take = 100, CancellationToken ct = default) =>
        db.OutgoingEmails.AsNoTracking().OrderByDescending(m => m.Id).Take(take).ToListAsync(ct);

    public Task<int> CountUnsentAsync(CancellationToken ct = default) => db.OutgoingEmails.CountAsync(m => m.SentAt == null, ct);

    /// <summary>Puts an unsent message back in the queue with a fresh count of attempts.</summary>
    public async Task<bool> RetryAsync(int id, CancellationToken ct = default)
    {
        var changed = await db.OutgoingEmails.Where(x => x.Id == id && x.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Attempts, 0).SetProperty(x => x.ClaimedUntil, (DateTime?)null), ct) == 1;
        if (changed) signal.Notify();
        return changed;
    }

    private string VnTime() => Common.VnFormat.DateTime(time.GetUtcNow().UtcDateTime);

    public static string StatusText(OutgoingEmail m) =>
        m.SentAt is not null ? "Đã gửi" : m.Attempts >= MaxAttempts ? "Ngừng gửi (lỗi)" : m.Attempts > 0 ? "Đang thử lại" : "Chờ gửi";
}
