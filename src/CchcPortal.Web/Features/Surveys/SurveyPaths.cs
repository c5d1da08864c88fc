namespace CchcPortal.Web.Features.Surveys;

/// <summary>The survey's addresses, its output-cache policy and tag, and its moderators' policy.</summary>
public static class SurveyPaths
{
    public const string Results = "/danh-gia-hai-long";
    public const string Form = "/danh-gia-hai-long/gui";
    public const string Thanks = "/danh-gia-hai-long/cam-on";
    public const string Manager = "/quan-tri/danh-gia-hai-long";

    public const string CachePolicy = "Surveys";
    public const string CacheTag = "surveys";
    /// <summary>Moderators and administrators: comments and flagged responses.</summary>
    public const string ModeratePolicy = "ModerateSurveys";

    public static string FormFor(string? agencySlug, string? procedureCode = null)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(agencySlug)) query.Add("co-quan=" + Uri.EscapeDataString(agencySlug));
        if (!string.IsNullOrEmpty(procedureCode)) query.Add("thu-tuc=" + Uri.EscapeDataString(procedureCode));
        return query.Count == 0 ? Form : Form + "?" + string.Join("&", query);
    }

    public static string Agency(string slug, int? year = null) => $"{Results}/co-quan/{slug}" + (year is { } y ? $"?nam={y}" : "");
    public static string QrCode(string slug) => $"{Results}/ma-qr/{slug}";
    public static string Export(int year, string format) => $"{Results}/xuat?nam={year}&dinh-dang={format}";
    public const string Api = "/api/danh-gia-hai-long";
}
