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

    /// <summary>Upserts and deletes, then commits with <paramref name="sequence"/> and refreshes searchers.</summary>
    void Apply(IEnumerable<SearchDocument> upserts, IEnumerable<string> deleteKeys, IEnumerable<string> replaceKinds, long sequence);

    /// <summary>Replaces the whole index in one commit; searchers see the old index until then.</summary>
    void Rebuild(IEnumerable<SearchDocument> documents, long sequence);

    SearchResults Search(SearchQuery query);

    IReadOnlyList<SearchSuggestion> Suggest(string text, int max = 8);
}
