using CchcPortal.Core.Changes;
using CchcPortal.Core.News;
using CchcPortal.Web.Features.RichText;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.News;

[OutputCache(PolicyName = CachePolicies.News)]
public sealed class ArticleModel(PostQueries posts, Core.Documents.DocumentQueries documents, BodyHtmlRenderer bodies) : PageModel
{
    public Post Post { get; private set; } = null!;
    public RenderedBody Body { get; private set; } = RenderedBody.Empty;
    public IReadOnlyList<PostCard> Related { get; private set; } = [];
    /// <summary>Documents of the library the article mentions.</summary>
    public IReadOnlyList<Core.Documents.LegalDocument> Mentioned { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var post = await posts.BySlugAsync(slug, ct);
        if (post is null) return NotFound();
        Post = post;
        Body = await bodies.RenderAsync(post.BodyHtml, ct);
        FrameSources.Allow(Response, Body.FrameSources);
        Related = await posts.RelatedAsync(post, 4, ct);
        Mentioned = await documents.MentionedInAsync(Core.Changes.ContentKinds.News, post.Id, ct);
        return Page();
    }
}
