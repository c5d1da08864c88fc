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

    /// <summary>
    /// The page of a group of posts (a category, a tag) found by its slug: 404 for an unknown group, a page past the
    /// last one, or, with <paramref name="emptyIsNotFound"/>, a group no published post belongs to.
    /// </summary>
    protected async Task<IActionResult> GroupPageAsync<TGroup>(TGroup? group, Action<TGroup> show,
        Func<TGroup, int, Task<PagedResult<PostCard>>> list, bool emptyIsNotFound = false) where TGroup : class
    {
        if (group is null) return NotFound();
        show(group);
        return await LoadPageAsync(page => list(group, page)) && !(emptyIsNotFound && Result.Total == 0) ? Page() : NotFound();
    }
}
