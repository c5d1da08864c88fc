using CchcPortal.Core.Procedures;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Features.Procedures;

/// <summary>The order actually applied to a procedure list, and the search ranking it needs.</summary>
public sealed record ProcedureListOrder(ProcedureSort Sort, IReadOnlyList<int>? Ranking, bool RelevanceUnavailable)
{
    /// <summary>
    /// "Liên quan nhất" by default when there are search words (A–Z without), in the order of /tim-kiem. While the
    /// search index is not ready the list falls back to A–Z, says so, and is not cached; a ranked list is also
    /// tagged with the search tag, so the indexer's next commit evicts it.
    /// </summary>
    public static ProcedureListOrder Resolve(HttpContext http, ProcedureRanking ranking, string? query, ProcedureSort? requested)
    {
        var hasWords = !string.IsNullOrWhiteSpace(query);
        var sort = requested ?? (hasWords ? ProcedureSort.Relevance : ProcedureSort.Name);
        if (sort != ProcedureSort.Relevance) return new(sort, null, false);
        if (!hasWords) return new(ProcedureSort.Name, null, false);
        var cache = http.Features.Get<IOutputCacheFeature>()?.Context;
        if (ranking.RankedIds(query!) is not { } ids)
        {
            if (cache is not null) cache.AllowCacheStorage = false;
            return new(ProcedureSort.Name, null, true);
        }
        cache?.Tags.Add(CachePolicies.SearchTag);
        return new(ProcedureSort.Relevance, ids, false);
    }
}
