using CchcPortal.Core.Data;
using CchcPortal.Core.Search.Documents;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Search;

/// <summary>
/// Applies the change feed to the search index: reads the changes after the index's committed sequence, rebuilds
/// or deletes the documents they name, and commits them together with the new sequence. Replaying a change twice
/// is harmless, so a crash anywhere only repeats work.
/// </summary>
public sealed class SearchIndexUpdater(PortalDbContext db, ISearchIndex index, IEnumerable<ISearchDocumentSource> sources)
{
    public const int BatchSize = 500;

    /// <summary>Applies at most one batch; returns how many changes it applied (0 when up to date).</summary>
    public async Task<int> ApplyNextBatchAsync(CancellationToken ct = default)
    {
        var after = index.CommittedSequence ?? 0;
        var changes = await db.ContentChanges.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(BatchSize)
            .Select(c => new { c.Id, c.Kind, c.EntityId }).ToListAsync(ct);
        if (changes.Count == 0) return 0;

        var upserts = new List<SearchDocument>();
        var deletes = new List<string>();
        var replaced = new List<string>();
        foreach (var group in changes.GroupBy(c => c.Kind))
        {
            var source = sources.FirstOrDefault(s => s.Kind == group.Key);
            if (source is null) continue; // a kind search does not show (yet)
            var ids = group.Select(c => c.EntityId).ToHashSet();
            // Entity id 0 means "many items of this kind changed" (imports, bulk deletes).
            if (source.ReplacesWholeKind || ids.Contains(0))
            {
                replaced.Add(source.Kind);
                upserts.AddRange(await source.LoadAsync(null, ct));
                continue;
            }
            var docs = await source.LoadAsync(ids, ct);
            upserts.AddRange(docs);
            var found = docs.Select(d => d.Key).ToHashSet();
            deletes.AddRange(ids.Select(id => SearchDocument.KeyOf(source.Kind, id)).Where(k => !found.Contains(k)));
        }
        index.Apply(upserts, deletes, replaced, changes[^1].Id);
        return changes.Count;
    }

    /// <summary>Rebuilds the whole index from the database. Returns the number of documents.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        // The sequence is read before the content: a change committed meanwhile is replayed afterwards, never lost.
        var sequence = await db.ContentChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var docs = new List<SearchDocument>();
        foreach (var source in sources)
            docs.AddRange(await source.LoadAsync(null, ct));
        index.Rebuild(docs, sequence);
        return docs.Count;
    }

    public async Task<long> LatestSequenceAsync(CancellationToken ct = default) =>
        await db.ContentChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
}
