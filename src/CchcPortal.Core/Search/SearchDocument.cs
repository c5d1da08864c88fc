using CchcPortal.Core.Changes;
using CchcPortal.Core.Indices;

namespace CchcPortal.Core.Search;

/// <summary>
/// One public item as the search index sees it. Built only from what the public page shows: nothing
/// unpublished, draft, private or personal ever becomes a SearchDocument.
/// </summary>
public sealed record SearchDocument
{
    /// <summary>Unique key in the index: "{kind}:{id}" (index results use their own keys, see IndexResultSearchDocuments).</summary>
    public required string Key { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public string Summary { get; init; } = "";
    /// <summary>
    /// Other names the item goes by, searched like its title but not shown: an agency's short name and hotline
    /// purposes ("Đường dây nóng cải cách hành chính"), the indices a unit's results page covers.
    /// </summary>
    public string Keywords { get; init; } = "";
    /// <summary>Plain text (no HTML).</summary>
    public string Body { get; init; } = "";
    public required string Url { get; init; }
    public DateTime? Date { get; init; }
    /// <summary>National procedure code (1.001234, 2.000123.H19), for procedures only.</summary>
    public string? ProcedureCode { get; init; }
    /// <summary>Lĩnh vực.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
    /// <summary>Cấp thực hiện.</summary>
    public IReadOnlyList<string> Levels { get; init; } = [];
    public IReadOnlyList<string> Agencies { get; init; } = [];
    public IReadOnlyList<int> Years { get; init; } = [];
    /// <summary>Ranks an item within equal text matches (e.g. abolished procedures below those in force). 1 = normal.</summary>
    public float Weight { get; init; } = 1f;

    public static string KeyOf(string kind, int id) => $"{kind}:{id}";
}

/// <summary>Names of the facet fields, as the results and the filters use them.</summary>
public static class SearchFacets
{
    public const string Kind = "kind";
    public const string Field = "field";
    public const string Level = "level";
    public const string Agency = "agency";
    public const string Year = "year";

    public static readonly IReadOnlyList<string> All = [Kind, Field, Level, Agency, Year];
}

/// <summary>Vietnamese names of the kinds, in the order the results page shows its tabs.</summary>
public static class SearchKinds
{
    public static readonly IReadOnlyList<(string Kind, string Label)> All =
    [
        (ContentKinds.Procedure, "Thủ tục hành chính"),
        (ContentKinds.News, "Tin tức"),
        (ContentKinds.Question, "Hỏi đáp"),
        (ContentKinds.Document, "Văn bản"),
        (ContentKinds.Episode, "Chương trình Dân hỏi"),
        (ContentKinds.Agency, "Cơ quan, đường dây nóng"),
        (ContentKinds.IndexResult, "Chỉ số CCHC"),
        (ContentKinds.Page, "Trang thông tin"),
    ];

    public static string Label(string kind) => All.FirstOrDefault(k => k.Kind == kind).Label ?? kind;
}
