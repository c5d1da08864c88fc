using CchcPortal.Core.News;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.News;

[OutputCache(PolicyName = CachePolicies.News)]
public sealed class TagModel(PostQueries posts) : PostListPageModel
{
    public Tag Tag { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var tag = await posts.TagBySlugAsync(slug, ct);
        if (tag is null) return NotFound();
        Tag = tag;
        // A tag no published post carries has no page of its own.
        return await LoadPageAsync(page => posts.ByTagAsync(tag.Id, page, ct: ct)) && Result.Total > 0 ? Page() : NotFound();
    }
}
