using CchcPortal.Core.Questions;

namespace CchcPortal.Tests.Unit;

/// <summary>The staff-to-actor rule both ways: the moves a staff member may make, and the buttons the case page offers.</summary>
public class CaseStaffActorTests
{
    private static readonly CaseHandlingService.Staff Moderator = new("m", "Kiểm duyệt", "", null, IsModerator: true, IsResponder: false, IsHead: false);
    private static readonly CaseHandlingService.Staff Responder = new("r", "Cán bộ", "", 1, IsModerator: false, IsResponder: true, IsHead: false);
    private static readonly CaseHandlingService.Staff Head = new("h", "Thủ trưởng", "Giám đốc", 1, IsModerator: false, IsResponder: false, IsHead: true);

    [Fact]
    public void Roles_map_to_actors_and_no_staff_member_acts_as_the_citizen()
    {
        Assert.Equal([CaseActor.Moderator], Enum.GetValues<CaseActor>().Where(Moderator.ActsAs));
        Assert.Equal([CaseActor.AgencyResponder], Enum.GetValues<CaseActor>().Where(Responder.ActsAs));
        Assert.Equal([CaseActor.AgencyResponder, CaseActor.AgencyHead], Enum.GetValues<CaseActor>().Where(Head.ActsAs));
        var everyRole = new CaseHandlingService.Staff("a", "Tất cả", "", 1, true, true, true);
        Assert.False(everyRole.ActsAs(CaseActor.Citizen));
    }

    [Fact]
    public void A_staff_move_is_checked_against_the_actor_the_table_names()
    {
        Assert.Equal("Chỉ thủ trưởng cơ quan mới được duyệt và công bố trả lời.",
            CaseWorkflow.Next(CaseStatus.AwaitingApproval, CaseAction.Approve, Responder.ActsAs).Refusal);
        Assert.Equal(CaseStatus.Answered, CaseWorkflow.Next(CaseStatus.AwaitingApproval, CaseAction.Approve, Head.ActsAs).To);
        Assert.Equal(CaseStatus.Drafting, CaseWorkflow.Next(CaseStatus.Assigned, CaseAction.StartDrafting, Head.ActsAs).To);
        Assert.Equal("Chỉ kiểm duyệt viên mới được tiếp nhận.", CaseWorkflow.Next(CaseStatus.Submitted, CaseAction.Accept, Head.ActsAs).Refusal);
        // The citizen's own moves stay the citizen's, whoever the staff member is.
        Assert.Equal("Chỉ người gửi mới được rút hồ sơ.", CaseWorkflow.Next(CaseStatus.Submitted, CaseAction.Withdraw, Moderator.ActsAs).Refusal);
        Assert.Null(CaseWorkflow.Next(CaseStatus.NeedsInformation, CaseAction.ProvideInformation, Moderator.ActsAs).To);
        Assert.Null(CaseWorkflow.Next(CaseStatus.NeedsInformation, CaseAction.ProvideInformation, Responder.ActsAs).To);
    }

    [Fact]
    public void The_case_page_offers_exactly_the_moves_the_staff_member_may_make()
    {
        Assert.Equal([CaseAction.Accept, CaseAction.Reject], CaseWorkflow.ActionsFrom(CaseStatus.Submitted, Moderator.ActsAs));
        Assert.Empty(CaseWorkflow.ActionsFrom(CaseStatus.Submitted, Responder.ActsAs));
        Assert.Equal([CaseAction.RequestInformation, CaseAction.SaveDraft, CaseAction.SubmitForApproval], CaseWorkflow.ActionsFrom(CaseStatus.Drafting, Responder.ActsAs));
        Assert.Equal([CaseAction.Reassign, CaseAction.Merge], CaseWorkflow.ActionsFrom(CaseStatus.Drafting, Moderator.ActsAs));
        Assert.Equal([CaseAction.ReturnToDrafting, CaseAction.Approve], CaseWorkflow.ActionsFrom(CaseStatus.AwaitingApproval, Head.ActsAs));
        Assert.Empty(CaseWorkflow.ActionsFrom(CaseStatus.AwaitingApproval, Responder.ActsAs));
        Assert.Equal([CaseAction.Merge], CaseWorkflow.ActionsFrom(CaseStatus.NeedsInformation, Moderator.ActsAs)); // not the citizen's moves

        // Every move offered is a move the service then accepts, and the reverse.
        foreach (var staff in new[] { Moderator, Responder, Head })
        foreach (var status in Enum.GetValues<CaseStatus>())
        foreach (var action in Enum.GetValues<CaseAction>())
            Assert.Equal(CaseWorkflow.ActionsFrom(status, staff.ActsAs).Contains(action), CaseWorkflow.Next(status, action, staff.ActsAs).To is not null);
    }
}
