using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
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

    /// <summary>
    /// Rebuilds the whole index from the database. Returns the number of documents. The documents are streamed: big
    /// kinds are loaded <see cref="RebuildBatchSize"/> at a time while the index takes the previous ones on other
    /// threads, so the process never holds all of them at once (26,000 documents of a grown portal weigh hundreds of
    /// megabytes as entities and text). A failure while loading abandons the rebuild: nothing partial is committed.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        // The sequence is read before the content: a change committed meanwhile is replayed afterwards, never lost.
        var sequence = await db.ContentChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var queue = new BlockingCollection<SearchDocument>(2 * RebuildBatchSize);
        Exception? loadFailure = null;

        IEnumerable<SearchDocument> Drain()
        {
            foreach (var doc in queue.GetConsumingEnumerable(stop.Token)) yield return doc;
            if (loadFailure is not null) throw new InvalidOperationException("Loading the search documents failed; the rebuild is abandoned.", loadFailure);
        }

        var indexing = Task.Run(() =>
        {
            try { index.Rebuild(Drain(), sequence); }
            catch { stop.Cancel(); throw; } // unblocks the loader below
        }, CancellationToken.None);
        var count = 0;
        try
        {
            await foreach (var batch in LoadAllAsync(stop.Token))
                foreach (var doc in batch)
                {
                    queue.Add(doc, stop.Token);
                    count++;
                }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // The indexing failed and stopped the loading: its exception is the one awaited below.
        }
        catch (Exception ex)
        {
            loadFailure = ex;
        }
        finally
        {
            queue.CompleteAdding();
        }
        try
        {
            await indexing;
        }
        catch when (loadFailure is not null)
        {
            // The index rolled back because the loading failed; that failure is the one to report.
        }
        if (loadFailure is not null) ExceptionDispatchInfo.Throw(loadFailure);
        return count;
    }

    public const int RebuildBatchSize = 500;

    private async IAsyncEnumerable<IReadOnlyList<SearchDocument>> LoadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var source in sources)
        {
            var ids = await source.IdsForRebuildAsync(ct);
            if (ids is null)
            {
                yield return await source.LoadAsync(null, ct);
                continue;
            }
            foreach (var chunk in ids.Chunk(RebuildBatchSize))
                yield return await source.LoadAsync(chunk, ct);
        }
    }

    public async Task<long> LatestSequenceAsync(CancellationToken ct = default) =>
        await db.ContentChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
}
