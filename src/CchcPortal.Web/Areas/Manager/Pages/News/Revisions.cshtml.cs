using CchcPortal.Core.News;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.News;

public sealed class RevisionsModel(PostManagerQueries queries, PostService service) : ManagerPageModel
{
    public Post Post { get; private set; } = null!;
    public IReadOnlyList<PostRevision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var post = await queries.GetAsync(id, ct);
        if (post is null) return NotFound();
        Post = post;
        Revisions = await queries.RevisionsAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int revisionId, CancellationToken ct)
    {
        var result = await service.RestoreRevisionAsync(id, revisionId, ActorName, ct);
        if (result.NotFound) return NotFound();
        Flash(result.Succeeded ? "Đã khôi phục phiên bản đã chọn (một phiên bản mới được tạo)." : string.Join(" ", result.Errors.All.Select(e => e.Value)));
        return RedirectToPage("Edit", new { id });
    }
}
