namespace CchcPortal.Core.Search;

/// <summary>
/// The portal's full-text index. Writes come from one indexer per node; every write ends with a commit that
/// records the last applied change-feed sequence, so the documents and the sequence are durable together.
/// </summary>
public interface ISearchIndex
{
    /// <summary>The sequence stored with the last commit; null when the index is empty or was never committed by us.</summary>
    long? CommittedSequence { get; }

    int DocumentCount { get; }

    /// <summary>
    /// Upserts and deletes, then commits with <paramref name="sequence"/> and refreshes searchers. A document the
    /// index cannot take is left out (its old version stays) and returned; the others are committed all the same.
    /// </summary>
    IReadOnlyList<IndexingFailure> Apply(IEnumerable<SearchDocument> upserts, IEnumerable<string> deleteKeys, IEnumerable<string> replaceKinds, long sequence);

    /// <summary>Replaces the whole index in one commit; searchers see the old index until then. Documents it cannot take are left out and returned.</summary>
    IReadOnlyList<IndexingFailure> Rebuild(IEnumerable<SearchDocument> documents, long sequence);

    SearchResults Search(SearchQuery query);

    /// <summary>The keys of the best <paramref name="max"/> matches in rank order (the same ranking as <see cref="Search"/>), without snippets or facets.</summary>
    IReadOnlyList<string> RankedKeys(SearchQuery query, int max);

    IReadOnlyList<SearchSuggestion> Suggest(string text, int max = 8);
}

/// <summary>A document the index refused or its source could not build, by its key, with the reason.</summary>
public sealed record IndexingFailure(string Key, string Error)
{
    public static IndexingFailure Of(string? key, Exception ex) => new(key ?? "", $"{ex.GetType().Name}: {ex.Message}");

    /// <summary>
    /// True when <paramref name="ex"/> is about the document (its data, its analysis): set it aside and go on. False for
    /// failures of the machinery (disk, database, memory, shutdown), which fail the whole write to be retried later.
    /// </summary>
    public static bool IsDocumentFault(Exception ex) => ex is not (OperationCanceledException or IOException or System.Data.Common.DbException
        or TimeoutException or OutOfMemoryException or ObjectDisposedException);
}
