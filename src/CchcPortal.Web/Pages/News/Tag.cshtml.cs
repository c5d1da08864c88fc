using CchcPortal.Core.News;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.News;

[OutputCache(PolicyName = CachePolicies.News)]
public sealed class TagModel(PostQueries posts) : PostListPageModel
{
    public Tag Tag { get; private set; } = null!;

    // A tag no published post carries has no page of its own.
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await GroupPageAsync(await posts.TagBySlugAsync(slug, ct), t => Tag = t, (t, page) => posts.ByTagAsync(t.Id, page, ct: ct), emptyIsNotFound: true);
}
