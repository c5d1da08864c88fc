namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// Counts this node's search-index commits; cached search pages are keyed by it. Evicting the search tag at a commit
/// is not enough: a search that started before the commit, rendered from the old index, is stored after the eviction
/// (with the Redis page cache, for every node, up to the policy's 10 minutes). Keyed by the generation, such a page
/// is never looked up again once the commit is counted.
/// </summary>
public sealed class SearchCacheGeneration
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    /// <summary>After a commit that changed what searches find (before the eviction).</summary>
    public void Advance() => Interlocked.Increment(ref _value);
}
