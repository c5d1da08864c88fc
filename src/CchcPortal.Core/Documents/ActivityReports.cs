using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Documents;

/// <summary>An activity as an editor picks it: "2024 · Tỉnh Bắc Kạn · 3 · Đăng tải các ý kiến...".</summary>
public sealed record ActivityOption(int Id, int Year, string Unit, string Section, string Content);

/// <summary>Which plan activities a post reports on: editors tag a post, the plan page shows it under the activity.</summary>
public sealed class ActivityReports(PortalDbContext db)
{
    public async Task<IReadOnlyList<ActivityOption>> OptionsAsync(CancellationToken ct = default) =>
        (await (from a in db.PlanActivities.AsNoTracking()
                join p in db.PropagandaPlans.AsNoTracking() on a.PlanId equals p.Id
                orderby p.Year descending, p.UnitName, a.SortOrder
                select new { a.Id, p.Year, p.UnitName, a.Section, a.Content }).ToListAsync(ct))
        .Select(x => new ActivityOption(x.Id, x.Year, x.UnitName, x.Section, Short(x.Content))).ToList();

    public Task<List<int>> ForPostAsync(int postId, CancellationToken ct = default) =>
        db.PlanActivityReports.Where(r => r.PostId == postId).Select(r => r.ActivityId).ToListAsync(ct);

    /// <summary>Replaces the post's activities with <paramref name="activityIds"/> (unknown ids are ignored).</summary>
    public async Task SetForPostAsync(int postId, IEnumerable<int> activityIds, CancellationToken ct = default)
    {
        var wanted = activityIds.Distinct().ToList();
        var valid = await db.PlanActivities.Where(a => wanted.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        var existing = await db.PlanActivityReports.Where(r => r.PostId == postId).ToListAsync(ct);
        db.PlanActivityReports.RemoveRange(existing.Where(r => !valid.Contains(r.ActivityId)));
        foreach (var id in valid.Where(id => existing.All(r => r.ActivityId != id)))
            db.PlanActivityReports.Add(new PlanActivityReport { ActivityId = id, PostId = postId });
        await db.SaveChangesAsync(ct);
    }

    private static string Short(string content)
    {
        var line = content.Replace("\n", " ").Replace("- ", "").Trim();
        return line.Length > 90 ? line[..90].TrimEnd() + "…" : line;
    }
}
