using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Search;

/// <summary>The documents set aside by the indexer (<see cref="SearchIndexFailure"/>): recorded, cleared, retried by hand.</summary>
public sealed class SearchIndexFailureLog(PortalDbContext db, TimeProvider time)
{
    public const int MaxErrorLength = 2000;

    public async Task<IReadOnlyList<SearchIndexFailure>> ListAsync(CancellationToken ct = default) =>
        await db.SearchIndexFailures.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct);

    /// <summary>
    /// After a write: <paramref name="failures"/> are recorded (a key already set aside counts one more attempt), and
    /// the rows the write <paramref name="settled"/> (indexed or removed) that did not fail again leave.
    /// </summary>
    public async Task RecordAsync(IReadOnlyCollection<IndexingFailure> failures, Func<string, long> sequenceOf,
        Func<SearchIndexFailure, bool> settled, CancellationToken ct)
    {
        if (failures.Count == 0 && !await db.SearchIndexFailures.AnyAsync(ct)) return;
        var rows = await db.SearchIndexFailures.ToListAsync(ct);
        var failed = failures.Select(f => f.Key).ToHashSet();
        var left = rows.Where(r => !failed.Contains(r.DocumentKey) && settled(r)).ToList();
        db.SearchIndexFailures.RemoveRange(left);
        rows.RemoveAll(left.Contains);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var failure in failures)
        {
            var row = rows.FirstOrDefault(r => r.DocumentKey == failure.Key);
            if (row is null)
            {
                var (kind, id) = Parse(failure.Key);
                row = new SearchIndexFailure { DocumentKey = failure.Key, Kind = kind, EntityId = id, FirstFailedAt = now };
                db.SearchIndexFailures.Add(row);
                rows.Add(row);
            }
            row.Sequence = sequenceOf(failure.Key);
            row.Error = failure.Error.Length <= MaxErrorLength ? failure.Error : failure.Error[..MaxErrorLength];
            row.LastFailedAt = now;
            row.Attempts++;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Puts the item back on the change feed; the indexer takes it at its next turn and the row leaves if it
    /// succeeds. False when the row no longer exists.
    /// </summary>
    /// <remarks>
    /// The one row written without <see cref="ChangeFeed"/>: no content changed, so there is nothing to announce, and
    /// <see cref="SearchIndexUpdater"/> builds this log from the context alone.
    /// </remarks>
    public async Task<bool> RetryAsync(int id, CancellationToken ct = default)
    {
        if (await db.SearchIndexFailures.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) is not { } row) return false;
        db.ContentChanges.Add(new ContentChange
        {
            Kind = row.Kind, EntityId = row.EntityId, Operation = ChangeOperation.Upsert, At = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>"question:12" -> (question, 12); a key naming no single item ("index:unit:5") -> (index, 0).</summary>
    public static (string Kind, int EntityId) Parse(string key)
    {
        var colon = key.IndexOf(':');
        if (colon < 0) return (key, 0);
        return (key[..colon], int.TryParse(key.AsSpan(colon + 1), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0);
    }
}
