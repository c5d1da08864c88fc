using System.Diagnostics;
using System.Runtime;
using CchcPortal.Core.Search;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Features.Search;

/// <summary>
/// Keeps this node's search index in step with the change feed. On start it rebuilds when the index is empty or
/// carries no sequence; then it applies batches after the committed sequence, woken at once by content-change
/// notices and at least every second (changes made by another node or process have no notice here). It is ready
/// (<see cref="Readiness"/>, /healthz/ready) once it has applied every change that existed when it started.
/// </summary>
public sealed class SearchIndexer(IServiceScopeFactory scopes, ISearchIndex index, SearchIndexSignal signal, IOutputCacheStore cache,
    SearchCacheGeneration generation, SearchIndexUpdaterCursor cursor, ILogger<SearchIndexer> log)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private volatile bool _rebuildRequested;
    private volatile bool _rebuilding;
    /// <summary>The highest change whose work is wholly done: in the index and its set-aside documents recorded.</summary>
    private long _doneSequence = -1;
    /// <summary>The latest change in the feed when this indexer started (-1 until read): readiness waits for it.</summary>
    private long _latestAtStart = -1;
    /// <summary>Turns of the loop begun and ended, so a waiter can ask for a whole turn that began after it.</summary>
    private long _turnsBegun, _turnsEnded;

    public long? AppliedSequence => index.CommittedSequence;
    public DateTime? LastRebuildAt { get; private set; }
    public int LastRebuildDocuments { get; private set; }
    public TimeSpan? LastRebuildDuration { get; private set; }
    public string? LastError { get; private set; }
    public bool RebuildPending => _rebuildRequested || _rebuilding;

    /// <summary>Something changed: look at the feed now instead of at the next poll.</summary>
    public void Wake() => signal.Ring();

    /// <summary>Rebuild from scratch at the next turn of the loop (the manager's button).</summary>
    public void RequestRebuild()
    {
        _rebuildRequested = true;
        Wake();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (index.CommittedSequence is null || index.DocumentCount == 0) _rebuildRequested = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var turn = Interlocked.Increment(ref _turnsBegun);
            try
            {
                if (Interlocked.Read(ref _latestAtStart) < 0) Interlocked.Exchange(ref _latestAtStart, await LatestSequenceAsync(stoppingToken));
                if (_rebuildRequested)
                {
                    _rebuilding = true;
                    _rebuildRequested = false;
                    try { await RebuildAsync(stoppingToken); }
                    finally { _rebuilding = false; }
                    ReturnRebuildMemory();
                }
                while (await ApplyBatchAsync(stoppingToken) > 0) { }
                LastError = null;
                Interlocked.Exchange(ref _turnsEnded, turn);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LastError = ex.Message;
                log.LogError(ex, "Search indexing failed; it will retry from sequence {Sequence}.", index.CommittedSequence);
            }
            try { await signal.WaitAsync(PollInterval, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    private async Task RebuildAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var started = Stopwatch.GetTimestamp();
        var updater = scope.ServiceProvider.GetRequiredService<SearchIndexUpdater>();
        var count = await updater.RebuildAsync(ct);
        Interlocked.Exchange(ref _doneSequence, cursor.HighestApplied);
        LastRebuildAt = DateTime.UtcNow;
        LastRebuildDocuments = count;
        LastRebuildDuration = Stopwatch.GetElapsedTime(started);
        log.LogInformation("Search index rebuilt: {Count} documents in {Seconds:0.0} s, sequence {Sequence}.", count,
            LastRebuildDuration.Value.TotalSeconds, index.CommittedSequence);
        log.LogInformation("Search index rebuild timings: {Timings}.", updater.LastRebuild);
        generation.Advance();
        await cache.EvictByTagAsync(CachePolicies.SearchTag, ct);
    }

    /// <summary>
    /// A rebuild allocates hundreds of megabytes that are garbage once it has committed (entities, text, analysis,
    /// Lucene's RAM buffer), and serving pages afterwards allocates too little to make the GC give that memory back:
    /// the process kept about 450 MB committed for a live heap of about 20 MB (docs/benchmarks.md, "RSS after the
    /// search index"). One compacting collection that decommits what is free hands it back to the OS. Rebuilds are
    /// rare (first start, a new index schema, the manager's button) and the live heap is small, so the pause is short.
    /// </summary>
    private static void ReturnRebuildMemory()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private async Task<int> ApplyBatchAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var applied = await scope.ServiceProvider.GetRequiredService<SearchIndexUpdater>().ApplyNextBatchAsync(ct);
        Interlocked.Exchange(ref _doneSequence, cursor.HighestApplied);
        if (applied > 0)
        {
            generation.Advance();
            await cache.EvictByTagAsync(CachePolicies.SearchTag, ct);
        }
        return applied;
    }

    /// <summary>
    /// Whether searches here can find anything: the searchers' commit has documents, or an empty index has been built
    /// (a portal with no public content yet). False on a new node, or after an unreadable index was started afresh,
    /// until the first rebuild commits. A rebuild over an index that has documents (a new schema, the manager's
    /// button) keeps serving the old commit: searchers read commits, and the rebuild's DeleteAll is only seen with
    /// its final commit.
    /// </summary>
    public bool Searchable => index.DocumentCount > 0 || (index.CommittedSequence is not null && !RebuildPending);

    /// <summary>What /healthz and the manager's pages show: counts and times only.</summary>
    public SearchIndexState State
    {
        get
        {
            var readiness = Readiness;
            var stage = !Searchable ? SearchIndexStage.Building
                : RebuildPending ? SearchIndexStage.Rebuilding
                : readiness.Ready ? SearchIndexStage.Ready
                : SearchIndexStage.CatchingUp;
            return new(stage, index.DocumentCount, Math.Max(readiness.Applied, 0), readiness.Target, LastRebuildDuration, LastRebuildAt,
                LastRebuildDocuments);
        }
    }

    /// <summary>Whether this node may take searches: why not, and the change applied against the one it waits for.</summary>
    public SearchReadiness Readiness
    {
        get
        {
            var (done, target) = (Interlocked.Read(ref _doneSequence), Interlocked.Read(ref _latestAtStart));
            if (target < 0) return new(false, "Chỉ mục tìm kiếm chưa bắt đầu cập nhật.", done, null);
            if (RebuildPending) return new(false, "Đang xây dựng lại chỉ mục tìm kiếm.", done, target);
            return done < target
                ? new(false, $"Chỉ mục tìm kiếm đang cập nhật: đã áp dụng đến thay đổi số {Math.Max(done, 0)}, cần đến {target}.", done, target)
                : new(true, "Chỉ mục tìm kiếm đã cập nhật.", done, target);
        }
    }

    /// <summary>Waits until the indexer is done with <paramref name="sequence"/> (for tests and the manager).</summary>
    public Task WaitForSequenceAsync(long sequence, TimeSpan timeout, CancellationToken ct = default) =>
        WaitAsync(sequence, 0, timeout, ct);

    private async Task WaitAsync(long sequence, long turn, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        while (Interlocked.Read(ref _doneSequence) < sequence || Interlocked.Read(ref _turnsEnded) < turn || RebuildPending)
        {
            try { await Task.Delay(20, cts.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"The search index did not reach sequence {sequence} within {timeout} (at {index.CommittedSequence}; {LastError}).");
            }
        }
    }

    /// <summary>Waits until every change committed so far is searchable.</summary>
    /// <remarks>
    /// Waits for a whole turn of the loop begun after the call, besides the latest sequence: with concurrent writers an
    /// id below the latest may have committed after the last turn read past it (a gap the next turn fills).
    /// </remarks>
    public async Task WaitUntilCurrentAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var turn = Interlocked.Read(ref _turnsBegun) + 1;
        var latest = await LatestSequenceAsync(ct);
        Wake();
        await WaitAsync(latest, turn, timeout, ct);
    }

    private async Task<long> LatestSequenceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SearchIndexUpdater>().LatestSequenceAsync(ct);
    }
}
