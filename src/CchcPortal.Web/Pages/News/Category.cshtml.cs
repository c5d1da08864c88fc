using CchcPortal.Core.Common;
using CchcPortal.Core.News;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.News;

[OutputCache(PolicyName = CachePolicies.News)]
public sealed class CategoryModel(PostQueries posts) : PageModel
{
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;
    public Category Category { get; private set; } = null!;
    public PagedResult<PostCard> Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var category = await posts.CategoryBySlugAsync(slug, ct);
        if (category is null) return NotFound();
        Category = category;
        Result = await posts.ByCategoryAsync(category.Id, ListQuery.Page(PageNumber), ct: ct);
        if (PageNumber > Result.PageCount) return NotFound();
        return Page();
    }
}
