using CchcPortal.Core.Common;
using CchcPortal.Core.News;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.News;

[OutputCache(PolicyName = CachePolicies.News)]
public sealed class IndexModel(PostQueries posts) : PageModel
{
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;
    public PagedResult<PostCard> Result { get; private set; } = null!;
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Result = await posts.LatestAsync(ListQuery.Page(PageNumber), ct: ct);
        if (PageNumber > Result.PageCount) return NotFound();
        Categories = await posts.CategoriesAsync(ct);
        return Page();
    }
}
