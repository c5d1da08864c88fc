using CchcPortal.Core.News;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages;

[OutputCache(PolicyName = CachePolicies.News)]
public sealed class IndexModel(PostQueries posts, Core.Documents.DocumentQueries documents) : PageModel
{
    public IReadOnlyList<PostCard> Featured { get; private set; } = [];
    public IReadOnlyList<PostCard> Latest { get; private set; } = [];
    public IReadOnlyList<(Category Category, IReadOnlyList<PostCard> Posts)> Blocks { get; private set; } = [];
    public IReadOnlyList<Core.Documents.LegalDocument> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Featured = await posts.FeaturedAsync(3, ct);
        var featuredIds = Featured.Select(p => p.Id).ToHashSet();
        Latest = (await posts.LatestAsync(1, 9, ct)).Items.Where(p => !featuredIds.Contains(p.Id)).Take(6).ToList();
        Blocks = await posts.PerCategoryAsync(3, ct);
        Documents = await documents.LatestAsync(5, ct);
    }
}
