namespace CchcPortal.Core.Common;

/// <summary>
/// The path of every kind of public page the portal links to: search documents, feeds, sitemap, e-mails, citations,
/// endpoints and views build them here (views may still write a fixed path such as "/van-ban" as it is);
/// <see cref="PublicAddress.Absolute"/> makes them absolute. One class for every feature because the paths share one
/// namespace: a static page lives at "/{slug}" next to every feature's first segment.
/// Slugs and codes go in as stored (slugs are [a-z0-9-], case codes "HD-2026-000001"), as the pages always wrote
/// them. The routes themselves are the pages' @page templates; PublicUrlTests requests what is built here.
/// </summary>
public static class PublicPaths
{
    public const string Home = "/";

    public const string News = "/tin-tuc";
    public static string Article(string slug) => $"/tin-tuc/{slug}";
    public static string ArticlePrint(string slug) => $"/tin-tuc/{slug}/ban-in";
    public static string Category(string slug) => $"/tin-tuc/chuyen-muc/{slug}";
    public static string Tag(string slug) => $"/tin-tuc/the/{slug}";

    public static string StaticPage(string slug) => $"/{slug}";

    public static string Agency(string slug) => $"/co-quan/{slug}";
    public static string AgencyCard(string slug) => $"/co-quan/{slug}/vcard";

    public const string Procedures = "/thu-tuc-hanh-chinh";
    public static string Procedure(string slug) => $"/thu-tuc-hanh-chinh/{slug}";
    public static string ProcedurePrint(string slug) => $"/thu-tuc-hanh-chinh/{slug}/ban-in";
    /// <summary>The short link by code, which redirects to <see cref="Procedure"/>.</summary>
    public static string ProcedureShortLink(string code) => $"/tthc/{code}";

    public const string Indices = "/chi-so-cchc";
    /// <summary>A year's ranking of an index; without a scope, the page's default one.</summary>
    public static string IndexRanking(string indexCode, int year, string? scope = null) =>
        scope is null ? $"/chi-so-cchc/{indexCode}/{year}" : $"/chi-so-cchc/{indexCode}/{year}?pham-vi={scope}";
    /// <summary>A ranked unit's results across indices and years.</summary>
    public static string IndexSubject(string slug) => $"/chi-so-cchc/don-vi/{slug}";
    /// <summary>The comparison of two units, the first one chosen.</summary>
    public static string IndexComparison(string slug) => $"/chi-so-cchc/so-sanh?a={slug}";

    public const string Questions = "/hoi-dap";
    public const string QuestionForm = "/hoi-dap/gui-cau-hoi";
    /// <summary>The question form about one procedure ("Hỏi về thủ tục này").</summary>
    public static string QuestionFormAbout(string procedureCode) => $"{QuestionForm}?thu-tuc={Uri.EscapeDataString(procedureCode)}";
    public const string QuestionTracking = "/hoi-dap/tra-cuu";
    /// <summary>The tracking page with the code filled in; the secret is never put in a URL.</summary>
    public static string QuestionTrackingFor(string code) => $"{QuestionTracking}?ma={Uri.EscapeDataString(code)}";
    public const string QuestionReceipt = "/hoi-dap/bien-nhan";
    public const string Answers = "/hoi-dap/da-tra-loi";
    public static string Answer(string code) => $"/hoi-dap/cau-hoi/{code}";
    public const string Programme = "/hoi-dap/chuong-trinh";
    public static string Episode(int id, string slug) => $"{Programme}/{id}/{slug}";

    public const string Documents = "/van-ban";
    public static string Document(string slug) => $"/van-ban/{slug}";
    /// <summary>The communication plans; this one redirects to the latest year.</summary>
    public const string Plans = "/ke-hoach-tuyen-truyen";
    public static string PlanYear(int year) => $"{Plans}/{year}";
}
