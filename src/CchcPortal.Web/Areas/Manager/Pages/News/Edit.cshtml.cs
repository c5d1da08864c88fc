using CchcPortal.Core.Common;
using CchcPortal.Core.Identity;
using CchcPortal.Core.News;
using CchcPortal.Web.Features.Media;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.News;

/// <summary>
/// Create and edit a post, and move it through the editorial workflow (submit, return with a comment, approve,
/// schedule, publish, unpublish, archive, delete). The buttons are the moves <see cref="PostWorkflow"/> allows;
/// a move posted anyway is refused by <see cref="PostWorkflowService"/> with 403 or 409 before anything is saved.
/// </summary>
public sealed class EditModel(
    PostWorkflowService workflow, PostManagerQueries queries, PostQueries publicQueries, MediaStore media, MediaLibrary library, Core.Documents.ActivityReports activities, UserManager<PortalUser> users)
    : ManagerPageModel
{
    [BindProperty] public PostInput Input { get; set; } = new();
    [BindProperty] public IFormFile? FeaturedImageFile { get; set; }
    [BindProperty] public bool RemoveFeaturedImage { get; set; }
    /// <summary>Vietnam local time, as typed in the datetime-local field.</summary>
    [BindProperty] public DateTime? PublishAt { get; set; }
    /// <summary>Why the post is returned (required to return).</summary>
    [BindProperty] public string? Comment { get; set; }

    public Post? Existing { get; private set; }
    private NewsActor? _actor;
    public bool ApprovalRequired { get; private set; }
    public IReadOnlyList<PostMove> Moves { get; private set; } = [];
    public IReadOnlyList<PostWorkflowEvent> History { get; private set; } = [];
    /// <summary>The comment of the last return, shown to the author while the post waits for them.</summary>
    public PostWorkflowEvent? LastReturn { get; private set; }
    /// <summary>A contributor's submit goes to the editors, an editor's to the approver.</summary>
    public bool SubmitsToEditors { get; private set; }
    public bool CanSave { get; private set; }
    public bool CanDelete { get; private set; }
    /// <summary>Saving sends the post back for approval (an editor changing an approved or public post).</summary>
    public bool SaveReopens { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    /// <summary>The propaganda-plan activities this post reports on.</summary>
    [BindProperty] public List<int> ActivityIds { get; set; } = [];
    public IReadOnlyList<Core.Documents.ActivityOption> ActivityOptions { get; private set; } = [];

    public bool Allows(PostMove move) => Moves.Contains(move);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } postId)
        {
            var existing = await queries.GetAsync(postId, ct);
            if (existing is null) return NotFound();
            Input = new PostInput
            {
                Title = existing.Title, Slug = existing.Slug, Summary = existing.Summary, BodyHtml = existing.BodyHtml,
                CategoryId = existing.CategoryId, Tags = string.Join(", ", existing.Tags.Select(t => t.Name)),
                FeaturedImage = existing.FeaturedImage, FeaturedImageAlt = existing.FeaturedImageAlt,
                SeoTitle = existing.SeoTitle, SeoDescription = existing.SeoDescription, IsFeatured = existing.IsFeatured,
            };
            if (existing.PublishedAt is { } at) PublishAt = VnFormat.ToLocal(at);
            ActivityIds = await activities.ForPostAsync(postId, ct);
        }
        return await ShowAsync(id, StatusCodes.Status200OK, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        var post = await SaveAsync(id, ct);
        if (post is null) return await ShowAsync(id, ErrorStatus(), ct);
        Flash($"Đã lưu tin bài (trạng thái: {PostWorkflow.StatusText(post.Status)}).");
        return RedirectToPage(new { id = post.Id });
    }

    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken ct) =>
        SaveAndMoveAsync(id, PostMove.Submit, (actor, postId) => workflow.SubmitAsync(actor, postId, ct),
            p => p.Status == PublicationStatus.AwaitingEdit ? "Đã gửi tin bài cho biên tập viên." : "Đã gửi tin bài cho Trưởng ban biên tập duyệt.", ct);

    public Task<IActionResult> OnPostApproveAsync(int? id, CancellationToken ct) =>
        SaveAndMoveAsync(id, PostMove.Approve, (actor, postId) => workflow.ApproveAsync(actor, postId, ct), _ => "Đã duyệt tin bài: có thể đăng ngay hoặc hẹn giờ đăng.", ct);

    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct) =>
        SaveAndMoveAsync(id, PostMove.Publish, (actor, postId) => workflow.PublishAsync(actor, postId, ct), _ => "Đã lưu và đăng tin bài lên cổng thông tin.", ct);

    public async Task<IActionResult> OnPostScheduleAsync(int? id, CancellationToken ct)
    {
        if (PublishAt is null)
        {
            ModelState.AddModelError(nameof(PublishAt), "Vui lòng chọn thời điểm hẹn giờ đăng.");
            return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
        }
        var at = VnFormat.ToUtc(PublishAt.Value);
        return await SaveAndMoveAsync(id, PostMove.Schedule, (actor, postId) => workflow.ScheduleAsync(actor, postId, at, ct),
            p => $"Đã hẹn giờ đăng lúc {VnFormat.DateTime(p.PublishedAt!.Value)}.", ct);
    }

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        MoveOnlyAsync(id, actor => workflow.ReturnAsync(actor, id, Comment, ct), "Đã trả lại tin bài kèm ý kiến.", ct);

    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) =>
        MoveOnlyAsync(id, actor => workflow.UnpublishAsync(actor, id, ct), "Đã gỡ tin bài khỏi cổng thông tin (chuyển về bản nháp).", ct);

    public Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken ct) =>
        MoveOnlyAsync(id, actor => workflow.ArchiveAsync(actor, id, ct), "Đã chuyển tin bài vào lưu trữ.", ct);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var result = await workflow.DeleteAsync(await ActorAsync(), id, ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded) return await RefuseAsync(id, result, ct);
        Flash("Đã xóa tin bài.");
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> SaveAndMoveAsync(int? id, PostMove move, Func<NewsActor, int, Task<OperationResult<Post>>> apply,
        Func<Post, string> message, CancellationToken ct)
    {
        if (await workflow.RefusalAsync(await ActorAsync(), id, move, ct) is { } refusal)
            return refusal.NotFound ? NotFound() : await RefuseAsync(id, refusal, ct);
        var post = await SaveAsync(id, ct);
        if (post is null) return await ShowAsync(id, ErrorStatus(), ct);
        var result = await apply(await ActorAsync(), post.Id);
        if (!result.Succeeded) return await RefuseAsync(post.Id, result, ct);
        Flash(message(result.Value!));
        return RedirectToPage(new { id = post.Id });
    }

    private async Task<IActionResult> MoveOnlyAsync(int id, Func<NewsActor, Task<OperationResult<Post>>> apply, string message, CancellationToken ct)
    {
        var result = await apply(await ActorAsync());
        if (result.NotFound) return NotFound();
        if (!result.Succeeded) return await RefuseAsync(id, result, ct);
        Flash(message);
        return RedirectToPage(new { id });
    }

    /// <summary>Shows the page again with the errors: 403 or 409 for a refused move, 422 for invalid input.</summary>
    private async Task<IActionResult> RefuseAsync(int? id, OperationResult<Post> result, CancellationToken ct)
    {
        AddErrors(result.Errors);
        return await ShowAsync(id, ErrorStatus(), ct);
    }

    private int ErrorStatus() =>
        ModelState.ContainsKey(PostWorkflowService.ForbiddenKey) ? StatusCodes.Status403Forbidden
        : ModelState.ContainsKey(PostWorkflowService.ConflictKey) ? StatusCodes.Status409Conflict
        : StatusCodes.Status422UnprocessableEntity;

    private async Task<NewsActor> ActorAsync() => _actor ??= await NewsActors.ForAsync(User, users);

    /// <summary>Stores an uploaded image (if any) and saves the post; null with ModelState errors when invalid or refused.</summary>
    private async Task<Post?> SaveAsync(int? id, CancellationToken ct)
    {
        if (FeaturedImageFile is { Length: > 0 } file)
        {
            await using var stream = file.OpenReadStream();
            var (stored, error) = await media.SaveImageAsync(stream, file.Length, ct);
            if (error is not null)
            {
                ModelState.AddModelError(nameof(FeaturedImageFile), error);
                return null;
            }
            Input.FeaturedImage = stored!.Url;
            await library.RegisterAsync(stored, Core.Media.MediaKind.Image, file.FileName, Input.Title, Input.FeaturedImageAlt, ActorName, ct);
        }
        else if (RemoveFeaturedImage)
        {
            Input.FeaturedImage = null;
            Input.FeaturedImageAlt = null;
        }

        var result = await workflow.SaveAsync(await ActorAsync(), id, Input, ct);
        if (result.NotFound) { ModelState.AddModelError("", "Tin bài không còn tồn tại."); return null; }
        if (!result.Succeeded)
        {
            foreach (var (field, text) in result.Errors.All)
                ModelState.AddModelError(field is "" or PostWorkflowService.ForbiddenKey or PostWorkflowService.ConflictKey ? field : "Input." + field, text);
            return null;
        }
        await activities.SetForPostAsync(result.Value!.Id, ActivityIds, ct);
        return result.Value;
    }

    /// <summary>Renders the page with what this user may do; a post they may not see answers 403 with nothing of it.</summary>
    private async Task<IActionResult> ShowAsync(int? id, int status, CancellationToken ct)
    {
        var actor = await ActorAsync();
        ApprovalRequired = await workflow.ApprovalRequiredAsync(ct);
        var post = id is { } postId ? await queries.GetAsync(postId, ct) : null;
        if (id is not null && post is null) return NotFound();
        if (post is not null && !PostWorkflow.CanSee(actor, post)) return StatusCode(StatusCodes.Status403Forbidden);
        Existing = post;
        var subject = post ?? new Post { AuthorId = actor.UserId, Status = PublicationStatus.Draft };
        Moves = PostWorkflow.AllowedMoves(actor, subject, ApprovalRequired);
        CanSave = post is null || PostWorkflow.CanEdit(actor, post);
        SubmitsToEditors = actor.IsContributorOnly;
        SaveReopens = post is not null && PostWorkflow.EditReopens(actor, post, ApprovalRequired);
        CanDelete = post is not null && PostWorkflow.CanDelete(actor, post, ApprovalRequired);
        if (post is not null)
        {
            History = await workflow.HistoryAsync(post.Id, ct);
            LastReturn = History.FirstOrDefault() is { Move: PostMove.Return } last && last.To == post.Status ? last : null;
        }
        Categories = await publicQueries.CategoriesAsync(ct);
        ActivityOptions = await activities.OptionsAsync(ct);
        Response.StatusCode = status;
        return Page();
    }
}
