using CchcPortal.Core.News;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.News;

[OutputCache(PolicyName = CachePolicies.News)]
public sealed class CategoryModel(PostQueries posts) : PostListPageModel
{
    public Category Category { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var category = await posts.CategoryBySlugAsync(slug, ct);
        if (category is null) return NotFound();
        Category = category;
        return await LoadPageAsync(page => posts.ByCategoryAsync(category.Id, page, ct: ct)) ? Page() : NotFound();
    }
}
