using CchcPortal.Core.Identity;
using CchcPortal.Core.News;
using CchcPortal.Web.Features.RichText;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.News;

/// <summary>A post as the public will see it, whatever its status; never cached (the user is signed in).</summary>
public sealed class PreviewModel(PostManagerQueries queries, BodyHtmlRenderer bodies, UserManager<PortalUser> users) : ManagerPageModel
{
    public Post Post { get; private set; } = null!;
    public RenderedBody Body { get; private set; } = RenderedBody.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var post = await queries.GetAsync(id, ct);
        if (post is null) return NotFound();
        // A contributor previews only their own posts, as they edit only those.
        if (!PostWorkflow.CanSee(await NewsActors.ForAsync(User, users), post)) return StatusCode(StatusCodes.Status403Forbidden);
        Post = post;
        Body = await bodies.RenderAsync(post.BodyHtml, ct);
        Infrastructure.FrameSources.Allow(Response, Body.FrameSources);
        return Page();
    }
}
