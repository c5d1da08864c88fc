using CchcPortal.Core.Common;
using CchcPortal.Core.News;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Pages.News;

/// <summary>A public list of post cards, paged by <c>?trang=</c>: all posts, a category's, a tag's.</summary>
public abstract class PostListPageModel : PageModel
{
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;
    public PagedResult<PostCard> Result { get; private set; } = null!;

    /// <summary>Loads the requested page of the list; false when the page is past the last one (the page answers 404).</summary>
    protected async Task<bool> LoadPageAsync(Func<int, Task<PagedResult<PostCard>>> list)
    {
        Result = await list(ListQuery.Page(PageNumber));
        return PageNumber <= Result.PageCount;
    }
}
