using CchcPortal.Core.News;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.News;

[OutputCache(PolicyName = CachePolicies.News)]
public sealed class IndexModel(PostQueries posts) : PostListPageModel
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadPageAsync(page => posts.LatestAsync(page, ct: ct))) return NotFound();
        Categories = await posts.CategoriesAsync(ct);
        return Page();
    }
}
