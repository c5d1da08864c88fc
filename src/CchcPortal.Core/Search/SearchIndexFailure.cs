namespace CchcPortal.Core.Search;

/// <summary>
/// A document the search index could not take, set aside so that the change feed moves on past it: one row per
/// document key, shown to administrators with its error. It leaves when the document is indexed (or removed) without
/// error: a hand retry, a later edit or a rebuild.
/// </summary>
public class SearchIndexFailure
{
    public int Id { get; set; }
    /// <summary>The key in the index, "question:12" (index results have keys of their own).</summary>
    public string DocumentKey { get; set; } = "";
    public string Kind { get; set; } = "";
    /// <summary>The item's id; 0 when the key names no single item (a retry then re-indexes the whole kind).</summary>
    public int EntityId { get; set; }
    /// <summary>The change-feed sequence of the last failed attempt (of the rebuild, for a rebuild).</summary>
    public long Sequence { get; set; }
    public string Error { get; set; } = "";
    public DateTime FirstFailedAt { get; set; }
    public DateTime LastFailedAt { get; set; }
    public int Attempts { get; set; }
}
