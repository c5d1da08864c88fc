using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Search;

/// <summary>
/// A full rebuild streams the documents into the index batch by batch instead of loading them all first (memory of a
/// rebuild inside the serving process, issue 8), and a failure while loading commits nothing.
/// </summary>
public sealed class StreamedRebuildTests : IDisposable
{
    private readonly PortalFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private sealed class RecordingIndex : ISearchIndex
    {
        public List<SearchDocument> Indexed { get; } = [];
        public bool Committed { get; private set; }
        public long? CommittedSequence { get; private set; }
        public int DocumentCount => Indexed.Count;

        public IReadOnlyList<IndexingFailure> Rebuild(IEnumerable<SearchDocument> documents, long sequence)
        {
            foreach (var doc in documents)
                lock (Indexed) Indexed.Add(doc);
            Committed = true;
            CommittedSequence = sequence;
            return [];
        }

        public IReadOnlyList<IndexingFailure> Apply(IEnumerable<SearchDocument> upserts, IEnumerable<string> deleteKeys, IEnumerable<string> replaceKinds, long sequence) =>
            throw new NotSupportedException();
        public SearchResults Search(SearchQuery query) => throw new NotSupportedException();
        public IReadOnlyList<string> RankedKeys(SearchQuery query, int max) => throw new NotSupportedException();
        public IReadOnlyList<SearchSuggestion> Suggest(string text, int max = 8) => throw new NotSupportedException();
    }

    /// <summary>A big kind of <paramref name="count"/> items, every third one not public.</summary>
    private sealed class BigSource(int count, RecordingIndex index, int failAtBatch = -1) : ISearchDocumentSource
    {
        public string Kind => "big";
        public List<int> BatchSizes { get; } = [];
        /// <summary>How many documents the index had taken when each batch was asked for.</summary>
        public List<int> IndexedWhenAsked { get; } = [];

        public Task<IReadOnlyList<int>?> IdsForRebuildAsync(CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<int>?>(Enumerable.Range(1, count).ToList());

        public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<int>? ids, CancellationToken ct)
        {
            Assert.NotNull(ids); // a big kind is never loaded whole
            if (BatchSizes.Count == failAtBatch) throw new IOException("the database went away");
            BatchSizes.Add(ids.Count);
            lock (index.Indexed) IndexedWhenAsked.Add(index.Indexed.Count);
            await Task.Yield();
            return ids.Where(id => id % 3 != 0)
                .Select(id => new SearchDocument { Key = $"big:{id}", Kind = Kind, Title = $"Mục {id}", Url = $"/muc/{id}" }).ToList();
        }
    }

    private sealed class SmallSource : ISearchDocumentSource
    {
        public string Kind => "small";
        public Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<int>? ids, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<SearchDocument>>([new SearchDocument { Key = "small:1", Kind = Kind, Title = "Trang", Url = "/trang" }]);
    }

    [Fact]
    public async Task Big_kinds_are_loaded_in_batches_while_the_index_takes_them_and_every_public_document_arrives_once()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var index = new RecordingIndex();
        var big = new BigSource(5_000, index);
        var updater = new SearchIndexUpdater(db, index, [new SmallSource(), big]);

        var count = await updater.RebuildAsync();

        var expected = Enumerable.Range(1, 5_000).Count(id => id % 3 != 0) + 1;
        Assert.Equal(expected, count);
        Assert.True(index.Committed);
        Assert.Equal(expected, index.Indexed.Select(d => d.Key).Distinct().Count());
        Assert.Equal(Enumerable.Repeat(SearchIndexUpdater.RebuildBatchSize, 5_000 / SearchIndexUpdater.RebuildBatchSize), big.BatchSizes);
        // The rebuild's timings count each source's documents, in the order loaded.
        Assert.Equal([("small", 1), ("big", expected - 1)], updater.LastRebuild!.Sources.Select(s => (s.Kind, s.Documents)));
        Assert.Equal(expected, updater.LastRebuild.Documents);
        // The loader runs at most about two batches ahead of the index: never the whole kind in memory at once.
        for (var i = 0; i < big.IndexedWhenAsked.Count; i++)
            Assert.True(big.IndexedWhenAsked[i] >= (i - 4) * 300,
                $"batch {i} was loaded when only {big.IndexedWhenAsked[i]} documents had been indexed");
    }

    [Fact]
    public async Task A_failure_while_loading_abandons_the_rebuild_without_committing()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var index = new RecordingIndex();
        var updater = new SearchIndexUpdater(db, index, [new SmallSource(), new BigSource(5_000, index, failAtBatch: 4)]);

        var error = await Assert.ThrowsAsync<IOException>(() => updater.RebuildAsync());

        Assert.Equal("the database went away", error.Message);
        Assert.False(index.Committed);
        Assert.Null(index.CommittedSequence);
    }
}
