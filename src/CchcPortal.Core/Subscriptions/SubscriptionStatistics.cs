using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Subscriptions;

/// <summary>Counts of one topic: never an address.</summary>
public sealed record TopicCount(TopicInfo Topic, int Confirmed, int Pending, int Immediate, int Daily);

/// <summary>What administrators see of the subscriber list: counts per topic and state, and the export behind a reason.</summary>
public sealed class SubscriptionStatistics(PortalDbContext db, SubscriptionTopics topics)
{
    public async Task<IReadOnlyList<TopicCount>> PerTopicAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<Subscription>().AsNoTracking()
            .GroupBy(s => new { s.TopicKind, s.TopicId })
            .Select(g => new
            {
                g.Key.TopicKind, g.Key.TopicId,
                Confirmed = g.Count(s => s.ConfirmedAt != null),
                Pending = g.Count(s => s.ConfirmedAt == null),
                Immediate = g.Count(s => s.ConfirmedAt != null && s.Frequency == Frequency.Immediate),
                Daily = g.Count(s => s.ConfirmedAt != null && s.Frequency == Frequency.Daily),
            }).ToListAsync(ct);
        var names = await topics.NamesAsync(rows.Select(r => (r.TopicKind, r.TopicId)), ct);
        return rows.Select(r => new TopicCount(
                names.GetValueOrDefault((r.TopicKind, r.TopicId)) ?? new TopicInfo(r.TopicKind, r.TopicId, $"(đã xóa, số {r.TopicId})", ""),
                r.Confirmed, r.Pending, r.Immediate, r.Daily))
            .OrderBy(c => c.Topic.Kind).ThenByDescending(c => c.Confirmed).ThenBy(c => c.Topic.Name).ToList();
    }

    /// <summary>Anonymous counts of cancelled subscriptions per kind.</summary>
    public async Task<IReadOnlyDictionary<TopicKind, int>> LeftAsync(CancellationToken ct = default) =>
        await db.Set<SubscriptionLeaveCount>().AsNoTracking().ToDictionaryAsync(c => c.TopicKind, c => c.Count, ct);

    public static readonly IReadOnlyList<string> ExportHeaders = ["Thư điện tử", "Loại", "Mục theo dõi", "Tần suất", "Xác nhận lúc"];

    /// <summary>The confirmed subscriptions as CSV rows (the caller audits who asked, why and how many rows).</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> ExportRowsAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<Subscription>().AsNoTracking().Where(s => s.ConfirmedAt != null).OrderBy(s => s.Email).ThenBy(s => s.Id).ToListAsync(ct);
        var names = await topics.NamesAsync(rows.Select(r => (r.TopicKind, r.TopicId)), ct);
        return rows.Select(r => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["Thư điện tử"] = r.Email,
            ["Loại"] = SubscriptionTopics.KindText(r.TopicKind),
            ["Mục theo dõi"] = names.GetValueOrDefault((r.TopicKind, r.TopicId))?.Name ?? $"(đã xóa, số {r.TopicId})",
            ["Tần suất"] = SubscriptionMail.FrequencyText(r.Frequency),
            ["Xác nhận lúc"] = VnFormat.DateTime(r.ConfirmedAt!.Value),
        }).ToList();
    }
}
