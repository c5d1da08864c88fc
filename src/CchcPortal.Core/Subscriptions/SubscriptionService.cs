using System.Security.Cryptography;
using System.Text;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Subscriptions;

/// <summary>A subscription with its topic, as the manage page lists them.</summary>
public sealed record FollowedTopic(int SubscriptionId, TopicInfo Topic, Frequency Frequency, DateTime ConfirmedAt);

/// <summary>
/// Subscribing (double opt-in), confirming, leaving. The public answer of <see cref="SubscribeAsync"/> never depends
/// on whether the address was new, pending or confirmed; only the confirmation e-mail goes to the address.
/// </summary>
public sealed class SubscriptionService(PortalDbContext db, TimeProvider time, OutboxSignal signal, ISubscriptionLinks links,
    SiteSettingsService settings, SubscriptionTopics topics, ProcedureSnapshots snapshots)
{
    /// <summary>How long a confirmation link works; the unconfirmed row is deleted after.</summary>
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromHours(48);
    /// <summary>A second request for the same address and topic within this time sends no second mail (no mail bombing).</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(15);

    public const string TopicMissing = "Không tìm thấy mục cần theo dõi. Hãy chọn lại từ trang Theo dõi qua thư điện tử.";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public static string Normalize(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>Null when accepted (whatever the address's state); otherwise the field and the message.</summary>
    public async Task<(string Field, string Message)?> SubscribeAsync(string? email, TopicKind kind, int topicId, Frequency frequency, CancellationToken ct = default)
    {
        var address = Normalize(email);
        if (!EmailAddresses.IsValid(address)) return ("Email", EmailAddresses.InvalidMessage);
        if (!Enum.IsDefined(frequency)) return ("Frequency", "Hãy chọn tần suất nhận thư.");
        if (await topics.FindAsync(kind, topicId, ct) is not { } topic) return ("", TopicMissing);

        var now = Now;
        var row = await db.Set<Subscription>().FirstOrDefaultAsync(s => s.Email == address && s.TopicKind == kind && s.TopicId == topicId, ct);
        if (row is { ConfirmedAt: not null }) return null;
        if (row is { ConfirmSentAt: { } sent } && sent > now - ResendAfter) return null;
        if (row is null)
        {
            row = new Subscription { Email = address, TopicKind = kind, TopicId = topicId, CreatedAt = now };
            db.Add(row);
        }
        var token = NewToken();
        row.Frequency = frequency;
        row.ConfirmTokenHash = Hash(token);
        row.ConfirmExpiresAt = now + ConfirmLifetime;
        row.ConfirmSentAt = now;
        db.Add((await MailAsync(ct)).Confirmation(address, topic, frequency, token, row.ConfirmExpiresAt.Value, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address and topic submitted twice at once: the other request sent the mail.
            db.ChangeTracker.Clear();
            return null;
        }
        signal.Notify();
        return null;
    }

    /// <summary>The topic a valid, unused, unexpired confirmation token is for (the page shows it before the button).</summary>
    public async Task<TopicInfo?> PendingTopicAsync(string? token, CancellationToken ct = default) =>
        await PendingAsync(token, ct) is { } row ? await topics.FindAsync(row.TopicKind, row.TopicId, ct) : null;

    /// <summary>Confirms the subscription of the token (single use); null when the token is unknown, used or expired.</summary>
    public async Task<TopicInfo?> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        if (await PendingAsync(token, ct) is not { } row) return null;
        row.ConfirmedAt = Now;
        row.ConfirmTokenHash = null;
        row.ConfirmExpiresAt = null;
        // A followed procedure needs a first state to compare its next change with.
        if (row.TopicKind == TopicKind.Procedure) await snapshots.EnsureAsync(row.TopicId, ct);
        await db.SaveChangesAsync(ct);
        return await topics.FindAsync(row.TopicKind, row.TopicId, ct);
    }

    private async Task<Subscription?> PendingAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Hash(token.Trim());
        var now = Now;
        return await db.Set<Subscription>().FirstOrDefaultAsync(s => s.ConfirmTokenHash == hash && s.ConfirmedAt == null && s.ConfirmExpiresAt > now, ct);
    }

    public async Task<TopicInfo?> TopicOfAsync(int subscriptionId, CancellationToken ct = default) =>
        await db.Set<Subscription>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId && s.ConfirmedAt != null, ct) is { } row
            ? await topics.FindAsync(row.TopicKind, row.TopicId, ct) ?? new TopicInfo(row.TopicKind, row.TopicId, "(mục không còn)", SubscriptionPaths.Index)
            : null;

    /// <summary>Deletes the subscription (only an anonymous count per kind is kept). False when it is already gone.</summary>
    public async Task<bool> UnsubscribeAsync(int subscriptionId, CancellationToken ct = default)
    {
        var rows = await db.Set<Subscription>().Where(s => s.Id == subscriptionId).ToListAsync(ct);
        return await RemoveAsync(rows, ct) > 0;
    }

    /// <summary>Deletes every subscription of the address; returns how many.</summary>
    public async Task<int> UnsubscribeAllAsync(string email, CancellationToken ct = default)
    {
        var address = Normalize(email);
        return await RemoveAsync(await db.Set<Subscription>().Where(s => s.Email == address).ToListAsync(ct), ct);
    }

    private async Task<int> RemoveAsync(List<Subscription> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        foreach (var kind in rows.Where(r => r.ConfirmedAt is not null).GroupBy(r => r.TopicKind))
        {
            var count = await db.Set<SubscriptionLeaveCount>().FindAsync([kind.Key], ct);
            if (count is null) db.Add(new SubscriptionLeaveCount { TopicKind = kind.Key, Count = kind.Count() });
            else count.Count += kind.Count();
        }
        db.RemoveRange(rows);
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    /// <summary>The confirmed subscriptions of an address, for the manage page.</summary>
    public async Task<IReadOnlyList<FollowedTopic>> ForAddressAsync(string email, CancellationToken ct = default)
    {
        var address = Normalize(email);
        var rows = await db.Set<Subscription>().AsNoTracking().Where(s => s.Email == address && s.ConfirmedAt != null).OrderBy(s => s.Id).ToListAsync(ct);
        var names = await topics.NamesAsync(rows.Select(r => (r.TopicKind, r.TopicId)), ct);
        return rows.Select(r => new FollowedTopic(r.Id,
            names.GetValueOrDefault((r.TopicKind, r.TopicId)) ?? new TopicInfo(r.TopicKind, r.TopicId, "(mục không còn)", SubscriptionPaths.Index),
            r.Frequency, r.ConfirmedAt!.Value)).ToList();
    }

    /// <summary>Deletes the unconfirmed subscriptions whose link has expired; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken ct = default)
    {
        var now = Now;
        return db.Set<Subscription>().Where(s => s.ConfirmedAt == null && s.ConfirmExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    private async Task<SubscriptionMail> MailAsync(CancellationToken ct) => new(links, (await settings.GetAsync(ct)).SiteName);

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
