namespace CchcPortal.Web.Features.Search;

/// <summary>Whether this node's search index has caught up (see <see cref="SearchIndexer.Readiness"/>).</summary>
/// <param name="Applied">The highest change applied (-1: none yet).</param>
/// <param name="Target">The latest change when the indexer started; null until it has read it.</param>
public sealed record SearchReadiness(bool Ready, string Reason, long Applied, long? Target);
