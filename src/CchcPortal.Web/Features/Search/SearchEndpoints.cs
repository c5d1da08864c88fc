using CchcPortal.Core.Search;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Features.Search;

/// <summary>JSON search (/api/search) and as-you-type title suggestions (/api/search/suggest); 503 until the index is built.</summary>
public static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", (HttpContext http, ISearchIndex index, SearchIndexer indexer) =>
        {
            if (!indexer.Searchable) return SearchIndexBuilding.Json(http);
            var query = SearchRequest.From(http.Request.Query);
            var result = index.Search(query);
            return Results.Json(new
            {
                query = query.Text,
                total = result.Total,
                page = result.Page,
                pageSize = result.PageSize,
                didYouMean = result.DidYouMean,
                items = result.Hits.Select(h => new
                {
                    kind = h.Kind,
                    title = h.Title,
                    url = h.Url,
                    snippet = h.SnippetHtml,
                    date = h.Date,
                    procedureCode = h.ProcedureCode,
                }),
                facets = result.Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => new { value = v.Value, count = v.Count })),
            });
        }).CacheOutput(CachePolicies.Search);

        app.MapGet("/api/search/suggest", (HttpContext http, ISearchIndex index, SearchIndexer indexer) =>
        {
            if (!indexer.Searchable) return SearchIndexBuilding.Json(http);
            var text = http.Request.Query["q"].ToString();
            var items = text.Trim().Length < 2 ? [] : index.Suggest(text, 8);
            return Results.Json(items.Select(s => new { kind = s.Kind, kindLabel = SearchKinds.Label(s.Kind), title = s.Title, url = s.Url }));
        }).CacheOutput(CachePolicies.Search);
    }
}
