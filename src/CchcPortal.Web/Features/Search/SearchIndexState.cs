namespace CchcPortal.Web.Features.Search;

/// <summary>Where this node's search index stands (see <see cref="SearchIndexer.State"/>).</summary>
public enum SearchIndexStage
{
    /// <summary>No index to search yet: searches answer "Đang xây dựng chỉ mục tìm kiếm".</summary>
    Building,
    /// <summary>A rebuild runs; searches use the previous commit until it ends.</summary>
    Rebuilding,
    /// <summary>Searchable, still applying changes that existed when the node started.</summary>
    CatchingUp,
    Ready,
}

/// <param name="Applied">The highest change applied (0: none yet).</param>
/// <param name="Target">The latest change when the indexer started; null until it has read it.</param>
public sealed record SearchIndexState(SearchIndexStage Stage, int Documents, long Applied, long? Target, TimeSpan? LastRebuildDuration,
    DateTime? LastRebuildAt, int LastRebuildDocuments)
{
    /// <summary>The stage as /healthz writes it: building, rebuilding, catching-up, ready.</summary>
    public string StageName => Stage switch
    {
        SearchIndexStage.Building => "building",
        SearchIndexStage.Rebuilding => "rebuilding",
        SearchIndexStage.CatchingUp => "catching-up",
        _ => "ready",
    };
}
