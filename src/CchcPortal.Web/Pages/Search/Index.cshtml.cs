using CchcPortal.Core.Search;
using CchcPortal.Web.Features.Search;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Search;

/// <summary>The results page across every kind of public content: tabs per kind, filters, snippets, paging.</summary>
[OutputCache(PolicyName = CachePolicies.Search)]
public sealed class IndexModel(ISearchIndex index, SearchIndexer indexer) : PageModel
{
    public SearchQuery Query { get; private set; } = new();
    public SearchResults? Result { get; private set; }
    /// <summary>A search was asked for before this node's first index was built: the page says so instead of "0 kết quả".</summary>
    public bool IndexBuilding { get; private set; }

    public void OnGet()
    {
        Query = SearchRequest.From(Request.Query);
        if (Query.Text.Trim().Length == 0) return;
        if (!indexer.Searchable)
        {
            IndexBuilding = true;
            SearchIndexBuilding.MarkResponse(HttpContext);
            return;
        }
        Result = index.Search(Query);
    }

    /// <summary>This page's URL with some parameters changed (null removes one); paging restarts unless given.</summary>
    public string Link(params (string Name, string? Value)[] changes)
    {
        var values = new List<(string, string)>();
        void Keep(string name, string? value)
        {
            if (changes.Any(c => c.Name == name)) value = changes.First(c => c.Name == name).Value;
            if (!string.IsNullOrEmpty(value)) values.Add((name, value));
        }
        Keep(SearchRequest.Text, Query.Text);
        Keep(SearchRequest.Kind, Query.Kind);
        Keep(SearchRequest.Field, Query.Field);
        Keep(SearchRequest.Agency, Query.Agency);
        Keep(SearchRequest.Year, Query.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (changes.Any(c => c.Name == SearchRequest.Page)) Keep(SearchRequest.Page, null);
        return "/tim-kiem?" + string.Join("&", values.Select(v => $"{v.Item1}={Uri.EscapeDataString(v.Item2)}"));
    }
}
