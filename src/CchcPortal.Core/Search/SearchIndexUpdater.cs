using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Search;

/// <summary>
/// Applies the change feed to the search index: reads the changes after the index's committed sequence, rebuilds
/// or deletes the documents they name, and commits them together with the new sequence. Replaying a change twice
/// is harmless, so a crash anywhere only repeats work. A document that cannot be built or indexed is set aside
/// (<see cref="SearchIndexFailureLog"/>) and the feed moves on: one item never holds back the others.
/// </summary>
/// <remarks>
/// Reading is safe with concurrent writers whose ids commit out of order: see <see cref="SearchIndexUpdaterCursor"/>.
/// Without a cursor of the node's (a one-off rebuild, a test) each call starts from the committed sequence.
/// </remarks>
public sealed class SearchIndexUpdater(PortalDbContext db, ISearchIndex index, IEnumerable<ISearchDocumentSource> sources,
    TimeProvider? time = null, SearchIndexUpdaterCursor? cursor = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SearchIndexFailureLog _failures = new(db, time ?? TimeProvider.System);
    private readonly SearchIndexUpdaterCursor _cursor = cursor ?? new SearchIndexUpdaterCursor();

    public const int BatchSize = 500;

    /// <summary>The last rows a rebuild looks at for gaps still open (a transaction holding an id below the latest).</summary>
    public const int RebuildGapWindow = 1_000;

    /// <summary>Applies at most one batch; returns how many changes it applied (0 when up to date).</summary>
    public async Task<int> ApplyNextBatchAsync(CancellationToken ct = default)
    {
        var committed = index.CommittedSequence ?? 0;
        if (_cursor.Committed != committed) _cursor.ResetTo(committed);
        var filled = await ReadFilledGapsAsync(ct);
        var after = _cursor.HighestApplied;
        var fresh = await db.ContentChanges.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(BatchSize)
            .Select(c => new FeedRow(c.Id, c.Kind, c.EntityId, c.At)).ToListAsync(ct);
        var changes = filled.Concat(fresh).ToList();
        try
        {
            return await ApplyAsync(changes, filled, fresh, committed, ct);
        }
        catch
        {
            // Nothing of this batch is committed: the next call reads again from the index's sequence.
            _cursor.Invalidate();
            throw;
        }
    }

    private async Task<int> ApplyAsync(List<FeedRow> changes, List<FeedRow> filled, List<FeedRow> fresh, long committed, CancellationToken ct)
    {
        _cursor.Filled(filled.Select(c => c.Id));
        _cursor.Advance(fresh.Select(c => (c.Id, c.At)).ToList());
        _cursor.Expire(_time.GetUtcNow().UtcDateTime);
        var sequence = _cursor.SafeSequence;
        if (changes.Count == 0)
        {
            // Only a gap given up on moves the sequence: commit it so that a restart does not wait for it again.
            if (sequence != committed) Commit([], [], [], sequence);
            return 0;
        }

        var upserts = new List<SearchDocument>();
        var deletes = new List<string>();
        var replaced = new List<string>();
        var failures = new List<IndexingFailure>();
        foreach (var group in changes.GroupBy(c => c.Kind))
        {
            var source = sources.FirstOrDefault(s => s.Kind == group.Key);
            if (source is null) continue; // a kind search does not show (yet)
            var ids = group.Select(c => c.EntityId).ToHashSet();
            // Entity id 0 means "many items of this kind changed" (imports, bulk deletes).
            if (source.ReplacesWholeKind || ids.Contains(0))
            {
                // A kind that cannot be loaded keeps its indexed documents.
                if (await LoadWholeKindAsync(source, failures, ct) is not { } all) continue;
                replaced.Add(source.Kind);
                upserts.AddRange(all);
                continue;
            }
            var docs = await LoadEachAloneOnFailureAsync(source, ids, failures, ct);
            upserts.AddRange(docs);
            // An item that failed to load keeps its last indexed version rather than being deleted.
            var found = docs.Select(d => d.Key).Concat(failures.Select(f => f.Key)).ToHashSet();
            deletes.AddRange(ids.Select(id => SearchDocument.KeyOf(source.Kind, id)).Where(k => !found.Contains(k)));
        }
        failures.AddRange(Commit(upserts, deletes, replaced, sequence));

        var lastId = changes.Max(c => c.Id);
        var lastChange = changes.GroupBy(c => SearchDocument.KeyOf(c.Kind, c.EntityId)).ToDictionary(g => g.Key, g => g.Max(c => c.Id));
        var settled = upserts.Select(d => d.Key).Concat(deletes).ToHashSet();
        await _failures.RecordAsync(failures, key => lastChange.GetValueOrDefault(key, lastId),
            row => settled.Contains(row.DocumentKey) || replaced.Contains(row.Kind), ct);
        return changes.Count;
    }

    private sealed record FeedRow(long Id, string Kind, int EntityId, DateTime At);

    private IReadOnlyList<IndexingFailure> Commit(List<SearchDocument> upserts, List<string> deletes, List<string> replaced, long sequence)
    {
        var failures = index.Apply(upserts, deletes, replaced, sequence);
        _cursor.Committing(sequence);
        return failures;
    }

    /// <summary>Rows that have committed since they were found missing (one range query over the open gaps).</summary>
    private async Task<List<FeedRow>> ReadFilledGapsAsync(CancellationToken ct)
    {
        if (_cursor.OpenGaps == 0) return [];
        var gaps = _cursor.Gaps.ToList();
        var (from, to) = (gaps.Min(g => g.From), gaps.Max(g => g.To));
        var rows = await db.ContentChanges.AsNoTracking().Where(c => c.Id >= from && c.Id <= to).OrderBy(c => c.Id)
            .Select(c => new FeedRow(c.Id, c.Kind, c.EntityId, c.At)).ToListAsync(ct);
        return rows.Where(r => gaps.Any(g => g.From <= r.Id && r.Id <= g.To)).ToList();
    }

    /// <summary>Every document of a kind, or null when loading it throws over its data (set aside as "{kind}:0").</summary>
    private static async Task<IReadOnlyList<SearchDocument>?> LoadWholeKindAsync(ISearchDocumentSource source, List<IndexingFailure> failures,
        CancellationToken ct)
    {
        try
        {
            return await source.LoadAsync(null, ct);
        }
        catch (Exception ex) when (IndexingFailure.IsDocumentFault(ex))
        {
            failures.Add(IndexingFailure.Of(SearchDocument.KeyOf(source.Kind, 0), ex));
            return null;
        }
    }

    /// <summary>
    /// The documents of <paramref name="ids"/>; when loading them together throws over an item's data, each is loaded
    /// alone and those that still throw are added to <paramref name="failures"/>. A failure of the database itself is
    /// not an item's: it propagates and the batch is retried later.
    /// </summary>
    private static async Task<IReadOnlyList<SearchDocument>> LoadEachAloneOnFailureAsync(ISearchDocumentSource source,
        IReadOnlyCollection<int> ids, List<IndexingFailure> failures, CancellationToken ct)
    {
        try
        {
            return await source.LoadAsync(ids, ct);
        }
        catch (Exception ex) when (IndexingFailure.IsDocumentFault(ex) && ids.Count > 1)
        {
            // Below, one by one.
        }
        catch (Exception ex) when (IndexingFailure.IsDocumentFault(ex))
        {
            failures.Add(IndexingFailure.Of(SearchDocument.KeyOf(source.Kind, ids.First()), ex));
            return [];
        }
        var docs = new List<SearchDocument>();
        foreach (var id in ids)
        {
            try { docs.AddRange(await source.LoadAsync([id], ct)); }
            catch (Exception ex) when (IndexingFailure.IsDocumentFault(ex)) { failures.Add(IndexingFailure.Of(SearchDocument.KeyOf(source.Kind, id), ex)); }
        }
        return docs;
    }

    /// <summary>
    /// Rebuilds the whole index from the database. Returns the number of documents. The documents are streamed: big
    /// kinds are loaded <see cref="RebuildBatchSize"/> at a time while the index takes the previous ones on other
    /// threads, so the process never holds all of them at once (26,000 documents of a grown portal weigh hundreds of
    /// megabytes as entities and text). A document that cannot be built or indexed is left out and set aside; any
    /// other failure while loading abandons the rebuild: nothing partial is committed.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        // The sequence is read before the content: a change committed meanwhile is replayed afterwards, never lost.
        // It stops below a young gap: the transaction holding that id may commit after the content is read.
        var sequence = await SafeRebuildSequenceAsync(ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var queue = new BlockingCollection<SearchDocument>(2 * RebuildBatchSize);
        Exception? loadFailure = null;
        var failures = new List<IndexingFailure>();

        IEnumerable<SearchDocument> Drain()
        {
            foreach (var doc in queue.GetConsumingEnumerable(stop.Token)) yield return doc;
            if (loadFailure is not null) throw new InvalidOperationException("Loading the search documents failed; the rebuild is abandoned.", loadFailure);
        }

        var indexing = Task.Run(() =>
        {
            try { return index.Rebuild(Drain(), sequence); }
            catch { stop.Cancel(); throw; } // unblocks the loader below
        }, CancellationToken.None);
        var count = 0;
        var timings = new RebuildTimings();
        try
        {
            await foreach (var batch in LoadAllAsync(failures, timings, stop.Token))
            {
                var handing = Stopwatch.GetTimestamp();
                foreach (var doc in batch)
                {
                    queue.Add(doc, stop.Token);
                    count++;
                }
                timings.Waited(Stopwatch.GetElapsedTime(handing));
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
        var handedOver = Stopwatch.GetTimestamp();
        try
        {
            failures.AddRange(await indexing);
            timings.Finished(Stopwatch.GetElapsedTime(handedOver));
            LastRebuild = timings;
        }
        catch when (loadFailure is not null)
        {
            // The index rolled back because the loading failed; that failure is the one to report.
        }
        if (loadFailure is not null) ExceptionDispatchInfo.Throw(loadFailure);
        _cursor.ResetTo(sequence);
        // Every document was tried: the rebuild's failures are now the only ones.
        await _failures.RecordAsync(failures, _ => sequence, _ => true, ct);
        return count;
    }

    private async Task<long> SafeRebuildSequenceAsync(CancellationToken ct)
    {
        var latest = await LatestSequenceAsync(ct);
        var tail = await db.ContentChanges.AsNoTracking().Where(c => c.Id > latest - RebuildGapWindow && c.Id <= latest).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.At }).ToListAsync(ct);
        return SearchIndexUpdaterCursor.SafeRebuildSequence(tail.Select(r => (r.Id, r.At)).ToList(), _time.GetUtcNow().UtcDateTime);
    }

    public const int RebuildBatchSize = 500;

    /// <summary>Where the last <see cref="RebuildAsync"/> of this updater spent its time (null before one succeeded).</summary>
    public RebuildTimings? LastRebuild { get; private set; }

    private async IAsyncEnumerable<IReadOnlyList<SearchDocument>> LoadAllAsync(List<IndexingFailure> failures, RebuildTimings timings,
        [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var source in sources)
        {
            var started = Stopwatch.GetTimestamp();
            var loading = TimeSpan.Zero;
            var documents = 0;
            var ids = await source.IdsForRebuildAsync(ct);
            IEnumerable<int[]?> chunks = ids is null ? [null] : ids.Chunk(RebuildBatchSize).Cast<int[]?>();
            foreach (var chunk in chunks)
            {
                var batch = chunk is null
                    ? await LoadWholeKindAsync(source, failures, ct) ?? []
                    : await LoadEachAloneOnFailureAsync(source, chunk, failures, ct);
                loading += Stopwatch.GetElapsedTime(started);
                documents += batch.Count;
                yield return batch;
                started = Stopwatch.GetTimestamp();
            }
            timings.Loaded(source.Kind, documents, loading);
        }
    }

    public async Task<long> LatestSequenceAsync(CancellationToken ct = default) =>
        await db.ContentChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
}
