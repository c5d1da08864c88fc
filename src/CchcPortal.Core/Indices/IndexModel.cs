namespace CchcPortal.Core.Indices;

/// <summary>An index the portal publishes: PAR Index, SIPAS, ICT Index, PAPI. Everything about its criteria is data.</summary>
public class IndexDefinition
{
    public const int MaxDescriptionHtml = 200_000, MaxCriterionName = 500;

    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    /// <summary>"%" or "điểm".</summary>
    public string Unit { get; set; } = "";
    /// <summary>What it measures and why it matters: sanitized HTML, editable.</summary>
    public string DescriptionHtml { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>One year of an index: its criteria tree for that year and whether it is public.</summary>
public class IndexYear
{
    public int Id { get; set; }
    public int IndexDefinitionId { get; set; }
    public IndexDefinition? Index { get; set; }
    public int Year { get; set; }
    public bool IsPublished { get; set; } = true;
    /// <summary>When true, a subject's total must equal the sum of its top-level criteria.</summary>
    public bool TotalIsSumOfFields { get; set; }
    public decimal? MaxTotal { get; set; }
    public List<IndexCriterion> Criteria { get; set; } = [];
}

/// <summary>A node of the criteria tree: lĩnh vực (field) → tiêu chí → tiêu chí thành phần.</summary>
public class IndexCriterion
{
    public int Id { get; set; }
    public int IndexYearId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string ParentCode { get; set; } = "";
    public decimal? MaxScore { get; set; }
    public int SortOrder { get; set; }
}

public static class IndexScopes
{
    public const string Provinces = "tinh-thanh";
    public const string Ministries = "bo-nganh";
    public const string Regions = "vung";
    public const string Nation = "ca-nuoc";
    public const string Departments = "so-nganh";

    public static string Name(string scope) => scope switch
    {
        Provinces => "Xếp hạng 63 tỉnh, thành phố",
        Ministries => "Xếp hạng các bộ, cơ quan ngang bộ",
        Regions => "Bình quân theo vùng",
        Nation => "Cả nước",
        Departments => "Xếp hạng các sở, ban, ngành của tỉnh",
        _ => scope,
    };
}

/// <summary>A unit's result for one index-year within one ranking scope, with its source.</summary>
public class IndexResult
{
    public int Id { get; set; }
    public int IndexYearId { get; set; }
    public IndexYear? IndexYear { get; set; }
    public string Scope { get; set; } = IndexScopes.Provinces;
    public string SubjectName { get; set; } = "";
    public string SubjectSlug { get; set; } = "";
    public int? AgencyId { get; set; }
    public decimal? Total { get; set; }
    /// <summary>The rank as the source published it (may exist without a score, or be one of many equal).</summary>
    public int? PublishedRank { get; set; }
    public string SourceName { get; set; } = "";
    public string SourceUrl { get; set; } = "";
    public string Note { get; set; } = "";
    public bool IsSampleData { get; set; }
    public List<IndexScore> Scores { get; set; } = [];
}

public class IndexScore
{
    public int Id { get; set; }
    public int IndexResultId { get; set; }
    public string CriterionCode { get; set; } = "";
    public decimal Value { get; set; }
}
