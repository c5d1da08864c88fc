namespace CchcPortal.Core.Search;

/// <summary>What a citizen asked for: free text plus optional filters. Text may be anything; the index never throws on it.</summary>
public sealed record SearchQuery
{
    public const int MaxTextLength = 200;
    public const int MaxPageSize = 50;

    public string Text { get; init; } = "";
    public string? Kind { get; init; }
    public string? Field { get; init; }
    public string? Level { get; init; }
    public string? Agency { get; init; }
    public int? Year { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;

    /// <summary>The active filters by facet name (only those set).</summary>
    public IReadOnlyDictionary<string, string> Filters()
    {
        var f = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(Kind)) f[SearchFacets.Kind] = Kind;
        if (!string.IsNullOrWhiteSpace(Field)) f[SearchFacets.Field] = Field;
        if (!string.IsNullOrWhiteSpace(Level)) f[SearchFacets.Level] = Level;
        if (!string.IsNullOrWhiteSpace(Agency)) f[SearchFacets.Agency] = Agency;
        if (Year is { } y) f[SearchFacets.Year] = y.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return f;
    }
}

public sealed record SearchHit(
    string Kind, string Key, string Title, string TitleHtml, string Url, string SnippetHtml, DateTime? Date, string? ProcedureCode, float Score);

public sealed record FacetCount(string Value, int Count);

/// <summary>
/// One page of hits plus facet counts over every match. Each facet is counted with all the other filters
/// applied but not its own, so the number next to a value is what choosing it lists.
/// </summary>
public sealed record SearchResults(
    IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets, string? DidYouMean)
{
    public static SearchResults Empty(int page = 1, int pageSize = 10) =>
        new([], 0, page, pageSize, new Dictionary<string, IReadOnlyList<FacetCount>>(), null);

    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
    public IReadOnlyList<FacetCount> Facet(string name) => Facets.TryGetValue(name, out var v) ? v : [];
}

public sealed record SearchSuggestion(string Kind, string Title, string Url);
