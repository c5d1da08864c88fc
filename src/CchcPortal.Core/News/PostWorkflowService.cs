using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.News;

/// <summary>
/// The editorial workflow: one method per move, each checked against <see cref="PostWorkflow"/> before anything
/// changes, recorded as a <see cref="PostWorkflowEvent"/> and mailed to whoever acts next, all in one SaveChanges.
/// A refused move answers with an error under <see cref="ForbiddenKey"/> (403) or <see cref="ConflictKey"/> (409).
/// </summary>
public sealed class PostWorkflowService(PortalDbContext db, PostService posts, SiteSettingsService settings, NewsMail mail, TimeProvider time)
{
    public const string ForbiddenKey = "Workflow.Forbidden", ConflictKey = "Workflow.Conflict";
    public const string TimerName = "Hẹn giờ tự động";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<bool> ApprovalRequiredAsync(CancellationToken ct = default) => (await settings.GetAsync(ct)).RequireNewsApproval;

    /// <summary>Whether the move would be refused, checked before a page saves the form that goes with it.</summary>
    public async Task<OperationResult<Post>?> RefusalAsync(NewsActor actor, int? id, PostMove move, CancellationToken ct = default)
    {
        var post = id is { } postId
            ? await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct)
            : new Post { AuthorId = actor.UserId, Status = PublicationStatus.Draft };
        if (post is null) return OperationResult<Post>.Missing();
        var refusal = PostWorkflow.Check(move, actor, post, await ApprovalRequiredAsync(ct));
        return refusal == WorkflowRefusal.None ? null : Refused(move, refusal, post);
    }

    /// <summary>Creates or edits a post; an editor's edit of an approved or public post sends it back for approval.</summary>
    public async Task<OperationResult<Post>> SaveAsync(NewsActor actor, int? id, PostInput input, CancellationToken ct = default)
    {
        if (id is not { } postId) return await posts.CreateAsync(input, actor.UserId, actor.Name, ct);
        var current = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (current is null) return OperationResult<Post>.Missing();
        if (!PostWorkflow.CanSee(actor, current)) return OperationResult<Post>.Fail(ForbiddenKey, "Tài khoản của bạn không được sửa tin bài này.");
        if (!PostWorkflow.CanEdit(actor, current))
            return OperationResult<Post>.Fail(ConflictKey, $"Tin bài đang ở trạng thái “{PostWorkflow.StatusText(current.Status)}”: chỉ sửa được khi bị trả lại hoặc còn là bản nháp.");
        var reopens = PostWorkflow.EditReopens(actor, current, await ApprovalRequiredAsync(ct));
        return await posts.UpdateAsync(postId, input, actor.Name,
            reopens ? post => RecordAsync(post, actor, PostMove.Reopen, PublicationStatus.AwaitingApproval, "", ct) : null, ct);
    }

    public async Task<OperationResult<Post>> RestoreRevisionAsync(NewsActor actor, int postId, int revisionId, CancellationToken ct = default) =>
        await posts.InputFromRevisionAsync(postId, revisionId, ct) is { } input
            ? await SaveAsync(actor, postId, input, ct)
            : OperationResult<Post>.Missing();

    public Task<OperationResult<Post>> SubmitAsync(NewsActor actor, int id, CancellationToken ct = default) => MoveAsync(actor, id, PostMove.Submit, "", null, ct);

    public Task<OperationResult<Post>> ReturnAsync(NewsActor actor, int id, string? comment, CancellationToken ct = default) =>
        MoveAsync(actor, id, PostMove.Return, comment, null, ct);

    public Task<OperationResult<Post>> ApproveAsync(NewsActor actor, int id, CancellationToken ct = default) => MoveAsync(actor, id, PostMove.Approve, "", null, ct);

    public Task<OperationResult<Post>> ScheduleAsync(NewsActor actor, int id, DateTime publishAtUtc, CancellationToken ct = default) =>
        MoveAsync(actor, id, PostMove.Schedule, "", publishAtUtc, ct);

    public Task<OperationResult<Post>> PublishAsync(NewsActor actor, int id, CancellationToken ct = default) => MoveAsync(actor, id, PostMove.Publish, "", null, ct);

    public Task<OperationResult<Post>> UnpublishAsync(NewsActor actor, int id, CancellationToken ct = default) => MoveAsync(actor, id, PostMove.Unpublish, "", null, ct);

    public Task<OperationResult<Post>> ArchiveAsync(NewsActor actor, int id, CancellationToken ct = default) => MoveAsync(actor, id, PostMove.Archive, "", null, ct);

    public async Task<OperationResult<Post>> DeleteAsync(NewsActor actor, int id, CancellationToken ct = default)
    {
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return OperationResult<Post>.Missing();
        if (!PostWorkflow.CanDelete(actor, post, await ApprovalRequiredAsync(ct)))
            return OperationResult<Post>.Fail(ForbiddenKey, "Tài khoản của bạn không được xóa tin bài này.");
        return await posts.DeleteAsync(id, ct);
    }

    /// <summary>Turns every scheduled post whose time has come into a published one, telling each author. Returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct = default)
    {
        var now = Now;
        var due = await db.Posts.Where(p => p.Status == PublicationStatus.Scheduled && p.PublishedAt <= now).ToListAsync(ct);
        var timer = new NewsActor(null, TimerName, IsEditor: false, IsApprover: true);
        foreach (var post in due)
        {
            await RecordAsync(post, timer, PostMove.Publish, PublicationStatus.Published, "", ct);
            await posts.SaveWithChangeAsync(post, ct);
        }
        return due.Count;
    }

    /// <summary>The history of moves, newest first.</summary>
    public async Task<IReadOnlyList<PostWorkflowEvent>> HistoryAsync(int postId, CancellationToken ct = default) =>
        await db.Set<PostWorkflowEvent>().AsNoTracking().Where(e => e.PostId == postId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);

    private async Task<OperationResult<Post>> MoveAsync(NewsActor actor, int id, PostMove move, string? comment, DateTime? publishAtUtc, CancellationToken ct)
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return OperationResult<Post>.Missing();
        var approvalRequired = await ApprovalRequiredAsync(ct);
        var refusal = PostWorkflow.Check(move, actor, post, approvalRequired);
        if (refusal != WorkflowRefusal.None) return Refused(move, refusal, post);

        comment = VietnameseText.Normalize(comment);
        if (move == PostMove.Return && comment.Length == 0)
            return OperationResult<Post>.Fail("Comment", "Vui lòng ghi ý kiến khi trả lại để người viết biết cần sửa gì.");
        var errors = new ValidationErrors();
        if (!errors.MaxLength("Comment", comment, PostWorkflowEvent.MaxComment, "Ý kiến")) return OperationResult<Post>.Invalid(errors);

        var to = PostWorkflow.Target(move, actor, post, approvalRequired, move == PostMove.Return ? await ReturnTargetAsync(post, ct) : null)!.Value;
        switch (move)
        {
            case PostMove.Schedule when publishAtUtc is not { } at || at <= Now:
                return OperationResult<Post>.Fail("PublishAt", "Thời điểm hẹn giờ đăng phải ở tương lai.");
            case PostMove.Schedule:
                post.PublishedAt = DateTime.SpecifyKind(publishAtUtc.Value, DateTimeKind.Utc);
                break;
            // Re-publishing keeps the original date; a first publication (or a pending schedule) takes "now".
            case PostMove.Publish when post.PublishedAt is null || post.PublishedAt > Now:
                post.PublishedAt = Now;
                break;
            case PostMove.Return or PostMove.Unpublish when post.PublishedAt > Now:
                post.PublishedAt = null;
                break;
        }
        // Publishing again what is published is an update, already in the revisions: no move, no mail.
        if (post.Status == to && move == PostMove.Publish) post.UpdatedAt = Now;
        else await RecordAsync(post, actor, move, to, comment, ct);
        await posts.SaveWithChangeAsync(post, ct);
        return OperationResult<Post>.Ok(post);
    }

    /// <summary>Returning what waits for approval goes back to the step it came from (the editors or the author).</summary>
    private async Task<PublicationStatus?> ReturnTargetAsync(Post post, CancellationToken ct)
    {
        if (post.Status != PublicationStatus.AwaitingApproval) return null;
        var from = await db.Set<PostWorkflowEvent>().Where(e => e.PostId == post.Id && e.To == PublicationStatus.AwaitingApproval)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => (PublicationStatus?)e.From).FirstOrDefaultAsync(ct);
        return from == PublicationStatus.AwaitingEdit ? PublicationStatus.AwaitingEdit : PublicationStatus.Draft;
    }

    private async Task RecordAsync(Post post, NewsActor actor, PostMove move, PublicationStatus to, string comment, CancellationToken ct)
    {
        var e = new PostWorkflowEvent
        {
            PostId = post.Id, At = Now, ActorId = actor.UserId, ActorName = actor.Name, Move = move,
            From = post.Status, To = to, Comment = comment,
        };
        post.Status = to;
        db.Set<PostWorkflowEvent>().Add(e);
        await mail.QueueAsync(post, e, ct);
    }

    private static OperationResult<Post> Refused(PostMove move, WorkflowRefusal refusal, Post post) =>
        OperationResult<Post>.Fail(refusal == WorkflowRefusal.Forbidden ? ForbiddenKey : ConflictKey, PostWorkflow.RefusalMessage(move, refusal, post));
}
