using CchcPortal.Core.Identity;
using CchcPortal.Core.News;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.News;

/// <summary>The saved versions of a post and its workflow history; restoring a version is an edit, with the edit's rules.</summary>
public sealed class RevisionsModel(PostManagerQueries queries, PostWorkflowService workflow, UserManager<PortalUser> users) : ManagerPageModel
{
    public Post Post { get; private set; } = null!;
    public IReadOnlyList<PostRevision> Revisions { get; private set; } = [];
    public IReadOnlyList<PostWorkflowEvent> History { get; private set; } = [];
    public bool CanRestore { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var post = await queries.GetAsync(id, ct);
        if (post is null) return NotFound();
        var actor = await NewsActors.ForAsync(User, users);
        if (!PostWorkflow.CanSee(actor, post)) return StatusCode(StatusCodes.Status403Forbidden);
        Post = post;
        CanRestore = PostWorkflow.CanEdit(actor, post);
        Revisions = await queries.RevisionsAsync(id, ct);
        History = await workflow.HistoryAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int revisionId, CancellationToken ct)
    {
        var result = await workflow.RestoreRevisionAsync(await NewsActors.ForAsync(User, users), id, revisionId, ct);
        if (result.NotFound) return NotFound();
        if (result.Errors.All.Any(e => e.Key == PostWorkflowService.ForbiddenKey)) return StatusCode(StatusCodes.Status403Forbidden);
        if (result.Errors.All.Any(e => e.Key == PostWorkflowService.ConflictKey)) return StatusCode(StatusCodes.Status409Conflict);
        Flash(result.Succeeded ? "Đã khôi phục phiên bản đã chọn (một phiên bản mới được tạo)." : string.Join(" ", result.Errors.All.Select(e => e.Value)));
        return RedirectToPage("Edit", new { id });
    }
}
