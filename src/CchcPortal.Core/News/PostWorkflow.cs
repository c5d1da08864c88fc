using CchcPortal.Core.Identity;

namespace CchcPortal.Core.News;

/// <summary>A member of staff acting on news: their account and what their roles let them do.</summary>
public sealed record NewsActor(string? UserId, string Name, bool IsEditor, bool IsApprover)
{
    /// <summary>A contributor only: writes and submits their own posts.</summary>
    public bool IsContributorOnly => !IsEditor && !IsApprover;

    public static NewsActor Of(string? userId, string name, Func<string, bool> isInRole) => new(userId, name,
        IsEditor: isInRole(PortalRoles.Editor),
        IsApprover: isInRole(PortalRoles.Approver) || isInRole(PortalRoles.Administrator));
}

/// <summary>Why a move was refused: the actor may not (403) or the post is not in a state for it (409).</summary>
public enum WorkflowRefusal { None, Forbidden, Conflict }

/// <summary>
/// The rules of the editorial workflow, in one place: who sees, edits and moves a post in which state. With approval
/// required, contributors submit to editors, editors submit to the approver, and only approvers (and administrators)
/// approve, schedule, publish, unpublish and archive. Without it, editors act as approvers, as before the workflow.
/// </summary>
public static class PostWorkflow
{
    public const string RefusalField = "Workflow";

    private static bool IsPublic(PublicationStatus s) => s is PublicationStatus.Published or PublicationStatus.Scheduled;
    private static bool BeforeApproval(PublicationStatus s) =>
        s is PublicationStatus.Draft or PublicationStatus.AwaitingEdit or PublicationStatus.AwaitingApproval;

    /// <summary>Approvers, and editors when approval is switched off.</summary>
    public static bool Approves(NewsActor a, bool approvalRequired) => a.IsApprover || (a.IsEditor && !approvalRequired);

    private static bool Owns(NewsActor a, Post p) => a.UserId is not null && p.AuthorId == a.UserId;

    public static bool CanSee(NewsActor a, Post p) => !a.IsContributorOnly || Owns(a, p);

    public static bool CanEdit(NewsActor a, Post p) =>
        a.IsContributorOnly ? Owns(a, p) && p.Status == PublicationStatus.Draft : true;

    /// <summary>An editor's change to an approved, scheduled or published post sends it back to the approver.</summary>
    public static bool EditReopens(NewsActor a, Post p, bool approvalRequired) =>
        approvalRequired && !a.IsApprover && p.Status is PublicationStatus.Approved or PublicationStatus.Scheduled or PublicationStatus.Published;

    public static bool CanDelete(NewsActor a, Post p, bool approvalRequired) =>
        a.IsContributorOnly ? Owns(a, p) && p.Status == PublicationStatus.Draft && p.PublishedAt is null
        : Approves(a, approvalRequired) || !IsPublic(p.Status);

    /// <summary>The state a move leads to, or null when the post's state does not allow it (whoever acts).</summary>
    public static PublicationStatus? Target(PostMove move, NewsActor a, Post p, bool approvalRequired, PublicationStatus? returnTo = null) => move switch
    {
        PostMove.Submit when p.Status == PublicationStatus.Draft && a.IsContributorOnly => PublicationStatus.AwaitingEdit,
        PostMove.Submit when p.Status is PublicationStatus.Draft or PublicationStatus.AwaitingEdit && !a.IsContributorOnly =>
            PublicationStatus.AwaitingApproval,
        PostMove.Return when p.Status == PublicationStatus.AwaitingApproval => returnTo ?? PublicationStatus.Draft,
        PostMove.Return when p.Status is PublicationStatus.AwaitingEdit or PublicationStatus.Approved or PublicationStatus.Scheduled =>
            PublicationStatus.Draft,
        PostMove.Approve when BeforeApproval(p.Status) => PublicationStatus.Approved,
        PostMove.Schedule when BeforeApproval(p.Status) || p.Status is PublicationStatus.Approved or PublicationStatus.Scheduled =>
            PublicationStatus.Scheduled,
        PostMove.Publish => PublicationStatus.Published,
        PostMove.Unpublish when IsPublic(p.Status) => PublicationStatus.Draft,
        PostMove.Archive when p.Status != PublicationStatus.Archived => PublicationStatus.Archived,
        _ => null,
    };

    /// <summary>Whether the actor's roles allow the move at all (the post's state aside).</summary>
    public static bool RoleAllows(PostMove move, NewsActor a, Post p, bool approvalRequired) => move switch
    {
        PostMove.Submit => CanSee(a, p) && (!Approves(a, approvalRequired) || a.IsContributorOnly),
        // Editors return what contributors submitted to them; what waits for the approver only the approver returns.
        PostMove.Return => Approves(a, approvalRequired) || (a.IsEditor && p.Status == PublicationStatus.AwaitingEdit),
        PostMove.Approve => Approves(a, approvalRequired) && approvalRequired,
        PostMove.Schedule or PostMove.Publish or PostMove.Unpublish or PostMove.Archive => Approves(a, approvalRequired),
        _ => false,
    };

    public static WorkflowRefusal Check(PostMove move, NewsActor a, Post p, bool approvalRequired)
    {
        if (!CanSee(a, p) || !RoleAllows(move, a, p, approvalRequired)) return WorkflowRefusal.Forbidden;
        return Target(move, a, p, approvalRequired) is null ? WorkflowRefusal.Conflict : WorkflowRefusal.None;
    }

    /// <summary>The moves to offer as buttons: exactly those <see cref="Check"/> allows.</summary>
    public static IReadOnlyList<PostMove> AllowedMoves(NewsActor a, Post p, bool approvalRequired) =>
        Enum.GetValues<PostMove>().Where(m => m != PostMove.Reopen && Check(m, a, p, approvalRequired) == WorkflowRefusal.None).ToList();

    /// <summary>The states whose posts wait for this actor (the dashboard's "waiting for you").</summary>
    public static IReadOnlyList<PublicationStatus> WaitingFor(NewsActor a, bool approvalRequired)
    {
        if (a.IsContributorOnly) return [PublicationStatus.Draft];
        var states = new List<PublicationStatus>();
        if (a.IsEditor || !approvalRequired) states.Add(PublicationStatus.AwaitingEdit);
        if (Approves(a, approvalRequired)) states.AddRange([PublicationStatus.AwaitingApproval, PublicationStatus.Approved]);
        return states;
    }

    public static string RefusalMessage(PostMove move, WorkflowRefusal refusal, Post p) => refusal == WorkflowRefusal.Forbidden
        ? $"Tài khoản của bạn không được {MoveText(move).ToLowerInvariant()} tin bài này."
        : $"Không thể {MoveText(move).ToLowerInvariant()} tin bài đang ở trạng thái “{StatusText(p.Status)}”.";

    public static string MoveText(PostMove move) => move switch
    {
        PostMove.Submit => "Gửi duyệt",
        PostMove.Return => "Trả lại",
        PostMove.Approve => "Duyệt",
        PostMove.Schedule => "Hẹn giờ đăng",
        PostMove.Publish => "Đăng",
        PostMove.Unpublish => "Gỡ khỏi cổng",
        PostMove.Archive => "Lưu trữ",
        PostMove.Reopen => "Sửa sau khi duyệt, gửi duyệt lại",
        _ => move.ToString(),
    };

    public static string StatusText(PublicationStatus s) => s switch
    {
        PublicationStatus.Draft => "Bản nháp",
        PublicationStatus.AwaitingEdit => "Chờ biên tập",
        PublicationStatus.AwaitingApproval => "Chờ duyệt",
        PublicationStatus.Approved => "Đã duyệt",
        PublicationStatus.Scheduled => "Hẹn giờ đăng",
        PublicationStatus.Published => "Đã đăng",
        PublicationStatus.Archived => "Lưu trữ",
        _ => s.ToString(),
    };
}
