using CchcPortal.Core.Indices;
using CchcPortal.Core.News;
using CchcPortal.Core.Procedures;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages;

/// <summary>
/// The home page: the tasks first (procedure search with popular procedures, ask or track a question, the hotline),
/// then news, documents and the province's index results. It shows procedures and index figures, so a change of
/// either evicts it as well as the news policy's tags.
/// </summary>
[OutputCache(PolicyName = CachePolicies.News, Tags = new[] { CachePolicies.ProceduresTag, CachePolicies.IndicesTag })]
public sealed class IndexModel(PostQueries posts, Core.Documents.DocumentQueries documents, PopularProcedures popular,
    IndexHighlightQueries indices, Core.Settings.SiteSettingsService settings) : PageModel
{
    public const int PopularCount = 6;

    public IReadOnlyList<PostCard> Featured { get; private set; } = [];
    public IReadOnlyList<PostCard> Latest { get; private set; } = [];
    public IReadOnlyList<(Category Category, IReadOnlyList<PostCard> Posts)> Blocks { get; private set; } = [];
    public IReadOnlyList<Core.Documents.LegalDocument> Documents { get; private set; } = [];
    public IReadOnlyList<ProcedureCard> Popular { get; private set; } = [];
    public IndexHighlights Indices { get; private set; } = new([], []);
    public string IndexSubjectName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Popular = await popular.TopAsync(PopularCount, ct);
        Featured = await posts.FeaturedAsync(3, ct);
        var featuredIds = Featured.Select(p => p.Id).ToHashSet();
        Latest = (await posts.LatestAsync(1, 9, ct)).Items.Where(p => !featuredIds.Contains(p.Id)).Take(6).ToList();
        Blocks = await posts.PerCategoryAsync(3, ct);
        Documents = await documents.LatestAsync(5, ct);
        IndexSubjectName = (await settings.GetAsync(ct)).IndexSubjectName;
        Indices = await indices.ForSubjectAsync(Core.Common.SlugGenerator.Slugify(IndexSubjectName), ct);
    }

    /// <summary>"Thủ tục đăng ký khai sinh" reads as "Đăng ký khai sinh" in a short list of procedures.</summary>
    public static string ShortName(string name)
    {
        const string prefix = "Thủ tục ";
        if (!name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || name.Length == prefix.Length) return name;
        var rest = name[prefix.Length..];
        return char.ToUpper(rest[0], Core.Common.VnFormat.Culture) + rest[1..];
    }
}
