namespace CchcPortal.Core.Questions;

/// <summary>What a citizen sends: a question, or feedback (phản ánh, kiến nghị) with its own legal handling.</summary>
public enum CaseKind
{
    /// <summary>Hỏi đáp về thủ tục hành chính, chính sách.</summary>
    Question = 0,
    /// <summary>Phản ánh, kiến nghị về quy định hành chính (Nghị định 20/2008/NĐ-CP).</summary>
    RegulationFeedback = 1,
    /// <summary>Phản ánh về thái độ, hành vi của cán bộ khi giải quyết thủ tục hành chính.</summary>
    ConductFeedback = 2,
}

public enum CaseStatus { Submitted, Accepted, Rejected, Assigned, NeedsInformation, Drafting, AwaitingApproval, Answered, Withdrawn }

public enum CaseAction { Accept, Reject, Assign, Reassign, RequestInformation, ProvideInformation, StartDrafting, SubmitForApproval, ReturnToDrafting, Approve, Withdraw, Merge, SaveDraft }

/// <summary>Who may take an action. A citizen acts through the tracking code and secret.</summary>
public enum CaseActor { Citizen, Moderator, AgencyResponder, AgencyHead }

public enum RejectionReason { Spam, Duplicate, OutOfScope, ComplaintOrDenunciation }

public sealed record CaseTransition(CaseStatus From, CaseAction Action, CaseStatus To, CaseActor Actor);

/// <summary>
/// The case lifecycle as a table: every allowed move, who makes it, and where it leads. Anything not listed is
/// refused. The service that applies a move records who, when and why.
/// </summary>
public static class CaseWorkflow
{
    public static readonly IReadOnlyList<CaseTransition> Transitions =
    [
        new(CaseStatus.Submitted, CaseAction.Accept, CaseStatus.Accepted, CaseActor.Moderator),
        new(CaseStatus.Submitted, CaseAction.Reject, CaseStatus.Rejected, CaseActor.Moderator),
        new(CaseStatus.Accepted, CaseAction.Assign, CaseStatus.Assigned, CaseActor.Moderator),
        new(CaseStatus.Assigned, CaseAction.Reassign, CaseStatus.Assigned, CaseActor.Moderator),
        new(CaseStatus.Drafting, CaseAction.Reassign, CaseStatus.Assigned, CaseActor.Moderator),
        new(CaseStatus.Assigned, CaseAction.RequestInformation, CaseStatus.NeedsInformation, CaseActor.AgencyResponder),
        new(CaseStatus.Drafting, CaseAction.RequestInformation, CaseStatus.NeedsInformation, CaseActor.AgencyResponder),
        new(CaseStatus.NeedsInformation, CaseAction.ProvideInformation, CaseStatus.Assigned, CaseActor.Citizen),
        new(CaseStatus.Assigned, CaseAction.StartDrafting, CaseStatus.Drafting, CaseActor.AgencyResponder),
        new(CaseStatus.Drafting, CaseAction.SaveDraft, CaseStatus.Drafting, CaseActor.AgencyResponder),
        new(CaseStatus.Drafting, CaseAction.SubmitForApproval, CaseStatus.AwaitingApproval, CaseActor.AgencyResponder),
        new(CaseStatus.AwaitingApproval, CaseAction.ReturnToDrafting, CaseStatus.Drafting, CaseActor.AgencyHead),
        new(CaseStatus.AwaitingApproval, CaseAction.Approve, CaseStatus.Answered, CaseActor.AgencyHead),
        // A duplicate found after acceptance is merged into the original: closed as a duplicate, its text and
        // files carried over. (At moderation, rejecting as a duplicate does the same.)
        new(CaseStatus.Accepted, CaseAction.Merge, CaseStatus.Rejected, CaseActor.Moderator),
        new(CaseStatus.Assigned, CaseAction.Merge, CaseStatus.Rejected, CaseActor.Moderator),
        new(CaseStatus.NeedsInformation, CaseAction.Merge, CaseStatus.Rejected, CaseActor.Moderator),
        new(CaseStatus.Drafting, CaseAction.Merge, CaseStatus.Rejected, CaseActor.Moderator),
        new(CaseStatus.Submitted, CaseAction.Withdraw, CaseStatus.Withdrawn, CaseActor.Citizen),
        new(CaseStatus.Accepted, CaseAction.Withdraw, CaseStatus.Withdrawn, CaseActor.Citizen),
        new(CaseStatus.Assigned, CaseAction.Withdraw, CaseStatus.Withdrawn, CaseActor.Citizen),
        new(CaseStatus.NeedsInformation, CaseAction.Withdraw, CaseStatus.Withdrawn, CaseActor.Citizen),
        new(CaseStatus.Drafting, CaseAction.Withdraw, CaseStatus.Withdrawn, CaseActor.Citizen),
    ];

    public static bool IsFinal(CaseStatus s) => s is CaseStatus.Answered or CaseStatus.Rejected or CaseStatus.Withdrawn;

    /// <summary>The status the action leads to, or a Vietnamese reason why it is not allowed.</summary>
    public static (CaseStatus? To, string? Refusal) Next(CaseStatus from, CaseAction action, CaseActor actor) =>
        Next(from, action, a => a == actor);

    /// <summary>As <see cref="Next(CaseStatus, CaseAction, CaseActor)"/>, for someone who may act as every actor <paramref name="actsAs"/> admits.</summary>
    public static (CaseStatus? To, string? Refusal) Next(CaseStatus from, CaseAction action, Func<CaseActor, bool> actsAs)
    {
        var move = Transitions.FirstOrDefault(t => t.From == from && t.Action == action);
        if (move is null)
            return (null, IsFinal(from)
                ? $"Hồ sơ đã ở trạng thái cuối ({StatusText(from)}), không thể thực hiện thêm."
                : $"Không thể {ActionText(action)} khi hồ sơ đang ở trạng thái {StatusText(from)}.");
        if (!actsAs(move.Actor))
            return (null, $"Chỉ {ActorText(move.Actor)} mới được {ActionText(action)}.");
        return (move.To, null);
    }

    /// <summary>The actions open from <paramref name="from"/> to someone who may act as every actor <paramref name="actsAs"/> admits.</summary>
    public static IEnumerable<CaseAction> ActionsFrom(CaseStatus from, Func<CaseActor, bool> actsAs) =>
        Transitions.Where(t => t.From == from && actsAs(t.Actor)).Select(t => t.Action).Distinct();

    /// <summary>While the citizen is asked for information, the answer clock is paused.</summary>
    public static bool ClockRuns(CaseStatus s) => s is CaseStatus.Assigned or CaseStatus.Drafting or CaseStatus.AwaitingApproval;

    public static string StatusText(CaseStatus s) => s switch
    {
        CaseStatus.Submitted => "Đã gửi, chờ tiếp nhận",
        CaseStatus.Accepted => "Đã tiếp nhận",
        CaseStatus.Rejected => "Không tiếp nhận",
        CaseStatus.Assigned => "Đã chuyển cơ quan xử lý",
        CaseStatus.NeedsInformation => "Cần bổ sung thông tin",
        CaseStatus.Drafting => "Đang soạn trả lời",
        CaseStatus.AwaitingApproval => "Chờ thủ trưởng duyệt",
        CaseStatus.Answered => "Đã trả lời",
        CaseStatus.Withdrawn => "Người gửi đã rút",
        _ => s.ToString(),
    };

    public static string ActionText(CaseAction a) => a switch
    {
        CaseAction.Accept => "tiếp nhận",
        CaseAction.Reject => "từ chối tiếp nhận",
        CaseAction.Assign => "chuyển cơ quan xử lý",
        CaseAction.Reassign => "chuyển lại cơ quan khác",
        CaseAction.RequestInformation => "yêu cầu bổ sung thông tin",
        CaseAction.ProvideInformation => "bổ sung thông tin",
        CaseAction.StartDrafting => "soạn trả lời",
        CaseAction.SubmitForApproval => "trình duyệt",
        CaseAction.SaveDraft => "lưu bản nháp",
        CaseAction.ReturnToDrafting => "trả lại để soạn lại",
        CaseAction.Approve => "duyệt và công bố trả lời",
        CaseAction.Withdraw => "rút hồ sơ",
        CaseAction.Merge => "gộp vào hồ sơ gốc (trùng)",
        _ => a.ToString(),
    };

    public static string ActorText(CaseActor a) => a switch
    {
        CaseActor.Citizen => "người gửi",
        CaseActor.Moderator => "kiểm duyệt viên",
        CaseActor.AgencyResponder => "cán bộ trả lời của cơ quan",
        CaseActor.AgencyHead => "thủ trưởng cơ quan",
        _ => a.ToString(),
    };
}
