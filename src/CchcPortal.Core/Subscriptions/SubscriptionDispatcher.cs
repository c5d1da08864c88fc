using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.Questions;
using CchcPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Subscriptions;

/// <summary>
/// Follows the change feed after its own cursor and tells subscribers: a post becoming public, an agency's answer
/// made public, a followed procedure whose public fields changed each become one <see cref="SubscriptionItem"/>
/// (unique key: a replay adds nothing); immediate subscribers get one message per item, daily subscribers one digest
/// a day. Items and the cursor are saved in one transaction, messages carry an outbox key per subscriber and item
/// or day, so a crash or a second run repeats nothing and loses nothing.
/// </summary>
public sealed class SubscriptionDispatcher(PortalDbContext db, TimeProvider time, OutboxSignal signal, ISubscriptionLinks links,
    SiteSettingsService settings, SubscriptionTopics topics, ProcedureSnapshots snapshots, SubscriptionService subscriptions)
{
    public const int BatchSize = 500;
    /// <summary>As the search indexer's cursor: a missing id younger than this may still commit, so reading stops before it.</summary>
    public static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(30);
    /// <summary>A digest after a long outage covers at most this many days.</summary>
    public const int MaxDigestDays = 7;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>One pass: expired sign-ups deleted, the feed read to its end, immediate messages and (when due) digests queued.</summary>
    public async Task<int> RunAsync(TimeOnly digestTime, CancellationToken ct = default)
    {
        await subscriptions.DeleteExpiredAsync(ct);
        while (await ReadFeedAsync(ct) == BatchSize) { }
        var queued = await QueueImmediateAsync(ct);
        queued += await QueueDigestsAsync(digestTime, ct);
        if (queued > 0) signal.Notify();
        return queued;
    }

    private async Task<SubscriptionFeedCursor> CursorAsync(CancellationToken ct)
    {
        if (await db.Set<SubscriptionFeedCursor>().FindAsync([1], ct) is { } cursor) return cursor;
        // The first run starts at the end of the feed: content published before the feature existed is not news.
        var latest = await db.ContentChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        cursor = new SubscriptionFeedCursor { Id = 1, LastChangeId = latest };
        db.Add(cursor);
        await db.SaveChangesAsync(ct);
        return cursor;
    }

    /// <summary>Reads one batch after the cursor; returns how many rows it moved over.</summary>
    private async Task<int> ReadFeedAsync(CancellationToken ct)
    {
        var cursor = await CursorAsync(ct);
        var after = cursor.LastChangeId;
        var rows = await db.ContentChanges.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(BatchSize)
            .Select(c => new { c.Id, c.Kind, c.EntityId, c.At }).ToListAsync(ct);
        var now = Now;
        var safe = rows.TakeWhile((r, i) => r.Id == (i == 0 ? after : rows[i - 1].Id) + 1 || r.At < now - GapTimeout).ToList();
        if (safe.Count == 0) return 0;

        var followed = await FollowedTopicsAsync(ct);
        var items = new List<SubscriptionItem>();
        foreach (var group in safe.Where(r => r.EntityId > 0 || r.Kind == ContentKinds.Procedure).GroupBy(r => r.Kind))
        {
            var ids = group.Select(r => r.EntityId).ToHashSet();
            items.AddRange(group.Key switch
            {
                ContentKinds.News => await PostItemsAsync(ids, followed, now, ct),
                ContentKinds.Question => await AnswerItemsAsync(ids, followed, now, ct),
                ContentKinds.Procedure => await ProcedureItemsAsync(ids, followed, now, ct),
                _ => [],
            });
        }
        var keys = items.Select(i => i.Key).ToList();
        var known = await db.Set<SubscriptionItem>().Where(i => keys.Contains(i.Key)).Select(i => i.Key).ToListAsync(ct);
        db.AddRange(items.Where(i => !known.Contains(i.Key)).DistinctBy(i => i.Key));
        cursor.LastChangeId = safe[^1].Id;
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    /// <summary>The topics with at least one confirmed subscriber: nothing is recorded for the others.</summary>
    private async Task<HashSet<(TopicKind, int)>> FollowedTopicsAsync(CancellationToken ct) =>
        (await db.Set<Subscription>().AsNoTracking().Where(s => s.ConfirmedAt != null).Select(s => new { s.TopicKind, s.TopicId }).Distinct().ToListAsync(ct))
        .Select(t => (t.TopicKind, t.TopicId)).ToHashSet();

    private async Task<List<SubscriptionItem>> PostItemsAsync(HashSet<int> ids, HashSet<(TopicKind, int)> followed, DateTime now, CancellationToken ct)
    {
        var posts = await db.Posts.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && (p.Status == PublicationStatus.Published || p.Status == PublicationStatus.Scheduled) && p.PublishedAt <= now)
            .Select(p => new { p.Id, p.Title, p.Slug, p.Summary, p.CategoryId }).ToListAsync(ct);
        return posts.Where(p => followed.Contains((TopicKind.NewsCategory, p.CategoryId)))
            .Select(p => Item($"news:{p.Id}", TopicKind.NewsCategory, p.CategoryId, p.Title, PublicPaths.Article(p.Slug), p.Summary, now)).ToList();
    }

    private async Task<List<SubscriptionItem>> AnswerItemsAsync(HashSet<int> ids, HashSet<(TopicKind, int)> followed, DateTime now, CancellationToken ct)
    {
        var answers = await db.QuestionCases.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Status == CaseStatus.Answered && c.IsPublished && c.AgencyId != null)
            .Select(c => new { c.Id, c.Code, c.Title, c.AgencyId }).ToListAsync(ct);
        return answers.Where(a => followed.Contains((TopicKind.AgencyAnswers, a.AgencyId!.Value)))
            .Select(a => Item($"answer:{a.Id}", TopicKind.AgencyAnswers, a.AgencyId!.Value, a.Title, PublicPaths.Answer(Uri.EscapeDataString(a.Code)), "", now)).ToList();
    }

    private async Task<List<SubscriptionItem>> ProcedureItemsAsync(HashSet<int> ids, HashSet<(TopicKind, int)> followed, DateTime now, CancellationToken ct)
    {
        // Id 0: many procedures changed at once (an import): every followed one is compared.
        var watched = followed.Where(t => t.Item1 == TopicKind.Procedure && (ids.Contains(0) || ids.Contains(t.Item2))).Select(t => t.Item2).ToList();
        if (watched.Count == 0) return [];
        return (await snapshots.ChangesAsync(watched, ct))
            .Select(c => Item($"procedure:{c.Procedure.Id}:{c.StateKey}", TopicKind.Procedure, c.Procedure.Id, c.Procedure.Name,
                PublicPaths.Procedure(c.Procedure.Slug), c.Summary, now)).ToList();
    }

    private static SubscriptionItem Item(string key, TopicKind kind, int topicId, string title, string path, string summary, DateTime now) => new()
    {
        Key = key, TopicKind = kind, TopicId = topicId, Title = Cut(title, 500), Path = Cut(path, 400), Summary = Cut(summary, 2000), CreatedAt = now,
    };

    /// <summary>One message per new item to each immediate subscriber who had confirmed before the item.</summary>
    private async Task<int> QueueImmediateAsync(CancellationToken ct)
    {
        var items = await db.Set<SubscriptionItem>().Where(i => i.ImmediateQueuedAt == null).OrderBy(i => i.Id).Take(BatchSize).ToListAsync(ct);
        if (items.Count == 0) return 0;
        var topicKeys = items.Select(i => (i.TopicKind, i.TopicId)).Distinct().ToList();
        var kinds = topicKeys.Select(t => t.TopicKind).Distinct().ToList();
        var topicIds = topicKeys.Select(t => t.TopicId).Distinct().ToList();
        var subscribers = (await db.Set<Subscription>().AsNoTracking()
            .Where(s => s.ConfirmedAt != null && s.Frequency == Frequency.Immediate && kinds.Contains(s.TopicKind) && topicIds.Contains(s.TopicId)).ToListAsync(ct))
            .Where(s => topicKeys.Contains((s.TopicKind, s.TopicId))).ToList();
        var messages = new List<OutgoingEmail>();
        var names = await topics.NamesAsync(topicKeys, ct);
        var mail = await MailAsync(ct);
        var now = Now;
        foreach (var item in items)
        {
            if (names.TryGetValue((item.TopicKind, item.TopicId), out var topic))
                foreach (var s in subscribers.Where(s => s.TopicKind == item.TopicKind && s.TopicId == item.TopicId && s.ConfirmedAt <= item.CreatedAt))
                    messages.Add(mail.Item(s, topic, item, now));
            item.ImmediateQueuedAt = now;
        }
        return await AddNewAsync(messages, ct);
    }

    /// <summary>Once a day after <paramref name="digestTime"/> (Vietnam time): one digest per daily subscription with new items.</summary>
    private async Task<int> QueueDigestsAsync(TimeOnly digestTime, CancellationToken ct)
    {
        var now = Now;
        var local = VnFormat.ToLocal(now);
        var today = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) < digestTime) return 0;
        var cursor = await CursorAsync(ct);
        if (cursor.LastDigestDay == today) return 0;
        var to = VnFormat.ToUtc(today.ToDateTime(digestTime));
        var from = VnFormat.ToUtc((cursor.LastDigestDay is { } last && last >= today.AddDays(-MaxDigestDays) ? last : today.AddDays(-1)).ToDateTime(digestTime));

        var items = await db.Set<SubscriptionItem>().AsNoTracking().Where(i => i.CreatedAt >= from && i.CreatedAt < to).OrderBy(i => i.CreatedAt).ToListAsync(ct);
        var messages = new List<OutgoingEmail>();
        if (items.Count > 0)
        {
            var topicKeys = items.Select(i => (i.TopicKind, i.TopicId)).Distinct().ToList();
            var topicIds = topicKeys.Select(t => t.TopicId).Distinct().ToList();
            var subscribers = (await db.Set<Subscription>().AsNoTracking()
                .Where(s => s.ConfirmedAt != null && s.Frequency == Frequency.Daily && topicIds.Contains(s.TopicId)).ToListAsync(ct))
                .Where(s => topicKeys.Contains((s.TopicKind, s.TopicId))).ToList();
            var names = await topics.NamesAsync(topicKeys, ct);
            var mail = await MailAsync(ct);
            foreach (var s in subscribers)
            {
                var own = items.Where(i => i.TopicKind == s.TopicKind && i.TopicId == s.TopicId && i.CreatedAt >= s.ConfirmedAt).ToList();
                if (own.Count > 0 && names.TryGetValue((s.TopicKind, s.TopicId), out var topic)) messages.Add(mail.Digest(s, topic, today, own, now));
            }
        }
        cursor.LastDigestDay = today;
        return await AddNewAsync(messages, ct);
    }

    /// <summary>Adds the messages whose outbox key is not taken yet and saves (with whatever else is pending).</summary>
    private async Task<int> AddNewAsync(List<OutgoingEmail> messages, CancellationToken ct)
    {
        var keys = messages.Select(m => m.DedupKey!).ToList();
        var taken = keys.Count == 0 ? [] : (await db.OutgoingEmails.Where(m => keys.Contains(m.DedupKey!)).Select(m => m.DedupKey!).ToListAsync(ct)).ToHashSet();
        var fresh = messages.Where(m => !taken.Contains(m.DedupKey!)).ToList();
        db.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }

    private async Task<SubscriptionMail> MailAsync(CancellationToken ct) => new(links, (await settings.GetAsync(ct)).SiteName);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
