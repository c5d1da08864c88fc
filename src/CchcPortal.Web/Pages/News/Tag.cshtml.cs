using CchcPortal.Core.Common;
using CchcPortal.Core.News;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.News;

[OutputCache(PolicyName = CachePolicies.News)]
public sealed class TagModel(PostQueries posts) : PageModel
{
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;
    public Tag Tag { get; private set; } = null!;
    public PagedResult<PostCard> Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var tag = await posts.TagBySlugAsync(slug, ct);
        if (tag is null) return NotFound();
        Tag = tag;
        Result = await posts.ByTagAsync(tag.Id, ListQuery.Page(PageNumber), ct: ct);
        if (Result.Total == 0 || PageNumber > Result.PageCount) return NotFound();
        return Page();
    }
}
