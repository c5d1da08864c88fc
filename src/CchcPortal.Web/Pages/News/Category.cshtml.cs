using CchcPortal.Core.News;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.News;

[OutputCache(PolicyName = CachePolicies.News)]
public sealed class CategoryModel(PostQueries posts) : PostListPageModel
{
    public Category Category { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await GroupPageAsync(await posts.CategoryBySlugAsync(slug, ct), c => Category = c, (c, page) => posts.ByCategoryAsync(c.Id, page, ct: ct));
}
