using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Indices;

/// <summary>Manager actions on index results: publish or withdraw a year, remove every sample figure at once.</summary>
public sealed class IndexService(PortalDbContext db, ChangeFeed feed)
{
    public async Task<IReadOnlyList<(IndexYear Year, int Results, int SampleResults)>> YearsAsync(CancellationToken ct = default)
    {
        var years = await db.IndexYears.AsNoTracking().Include(y => y.Index).OrderBy(y => y.Index!.SortOrder).ThenByDescending(y => y.Year).ToListAsync(ct);
        var counts = await db.IndexResults.GroupBy(r => r.IndexYearId)
            .Select(g => new { g.Key, All = g.Count(), Sample = g.Count(r => r.IsSampleData) }).ToDictionaryAsync(x => x.Key, ct);
        return years.Select(y => (y, counts.GetValueOrDefault(y.Id)?.All ?? 0, counts.GetValueOrDefault(y.Id)?.Sample ?? 0)).ToList();
    }

    public async Task<bool> SetPublishedAsync(int indexYearId, bool published, CancellationToken ct = default)
    {
        var year = await db.IndexYears.FindAsync([indexYearId], ct);
        if (year is null) return false;
        year.IsPublished = published;
        await SaveAsync(indexYearId, ct);
        return true;
    }

    /// <summary>Deletes every result marked as sample data, in one statement. Returns how many.</summary>
    public async Task<int> DeleteSampleDataAsync(CancellationToken ct = default)
    {
        var removed = await db.IndexResults.Where(r => r.IsSampleData).ExecuteDeleteAsync(ct);
        await SaveAsync(0, ct);
        return removed;
    }

    private async Task SaveAsync(int id, CancellationToken ct)
    {
        feed.Record(ContentKinds.IndexResult, id, ChangeOperation.Upsert, "manage");
        await db.SaveChangesAsync(ct);
    }
}
