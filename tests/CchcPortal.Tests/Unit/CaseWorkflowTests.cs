using CchcPortal.Core.Questions;

namespace CchcPortal.Tests.Unit;

public class CaseWorkflowTests
{
    public static IEnumerable<object[]> AllowedMoves() => CaseWorkflow.Transitions.Select(t => new object[] { t.From, t.Action, t.To, t.Actor });

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Every_allowed_transition_leads_where_the_table_says(CaseStatus from, CaseAction action, CaseStatus to, CaseActor actor)
    {
        var (next, refusal) = CaseWorkflow.Next(from, action, actor);
        Assert.Null(refusal);
        Assert.Equal(to, next);
    }

    [Fact]
    public void Every_other_combination_is_refused_with_a_vietnamese_reason()
    {
        var allowed = CaseWorkflow.Transitions.Select(t => (t.From, t.Action, t.Actor)).ToHashSet();
        var refused = 0;
        foreach (var from in Enum.GetValues<CaseStatus>())
        foreach (var action in Enum.GetValues<CaseAction>())
        foreach (var actor in Enum.GetValues<CaseActor>())
        {
            if (allowed.Contains((from, action, actor))) continue;
            var (next, refusal) = CaseWorkflow.Next(from, action, actor);
            Assert.Null(next);
            Assert.False(string.IsNullOrWhiteSpace(refusal));
            refused++;
        }
        Assert.Equal(Enum.GetValues<CaseStatus>().Length * Enum.GetValues<CaseAction>().Length * Enum.GetValues<CaseActor>().Length - CaseWorkflow.Transitions.Count, refused);
    }

    [Fact]
    public void Roles_matter_and_final_states_are_final()
    {
        Assert.Equal("Chỉ thủ trưởng cơ quan mới được duyệt và công bố trả lời.", CaseWorkflow.Next(CaseStatus.AwaitingApproval, CaseAction.Approve, CaseActor.AgencyResponder).Refusal);
        Assert.Equal("Chỉ kiểm duyệt viên mới được tiếp nhận.", CaseWorkflow.Next(CaseStatus.Submitted, CaseAction.Accept, CaseActor.Citizen).Refusal);
        Assert.Contains("trạng thái cuối", CaseWorkflow.Next(CaseStatus.Answered, CaseAction.Withdraw, CaseActor.Citizen).Refusal);
        Assert.Contains("trạng thái cuối", CaseWorkflow.Next(CaseStatus.Rejected, CaseAction.Accept, CaseActor.Moderator).Refusal);
        Assert.Null(CaseWorkflow.Next(CaseStatus.AwaitingApproval, CaseAction.Withdraw, CaseActor.Citizen).To); // too late once the head is signing
    }

    [Fact]
    public void Every_non_final_state_can_still_move_somewhere()
    {
        foreach (var s in Enum.GetValues<CaseStatus>().Where(s => !CaseWorkflow.IsFinal(s)))
            Assert.Contains(CaseWorkflow.Transitions, t => t.From == s);
    }
}

public class WorkingCalendarTests
{
    // Tết Nguyên đán 2026 (the lunar new year falls on 17/02/2026) as a block of days off, and Quốc khánh 2026.
    private static readonly WorkingCalendar Calendar = new(
        Enumerable.Range(0, 9).Select(i => new DateOnly(2026, 2, 14).AddDays(i))
            .Concat([new DateOnly(2026, 1, 1), new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2)]));

    [Fact]
    public void Weekends_and_holidays_are_not_working_days()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 11, 26)));   // Thursday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 11, 28)));  // Saturday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 2, 17)));   // Tết
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 9, 2)));    // Quốc khánh
    }

    [Fact]
    public void Overdue_is_computed_across_a_holiday()
    {
        // A question assigned on Thursday 12/02/2026: 10 working days skip the weekend and the Tết block (14–22/02).
        var due = DeadlinePolicy.Default.AnswerDue(Calendar, CaseKind.Question, new DateOnly(2026, 2, 12));
        Assert.Equal(new DateOnly(2026, 3, 5), due);
        // Without the holidays it would have been 26/02.
        Assert.Equal(new DateOnly(2026, 2, 26), DeadlinePolicy.Default.AnswerDue(new WorkingCalendar([]), CaseKind.Question, new DateOnly(2026, 2, 12)));
        Assert.Equal(new DateOnly(2026, 2, 13), DeadlinePolicy.Default.ModerationDue(Calendar, new DateOnly(2026, 2, 12)));
        Assert.Equal(new DateOnly(2026, 2, 24), DeadlinePolicy.Default.ForwardingDue(Calendar, new DateOnly(2026, 2, 13)));
    }

    [Fact]
    public void The_clock_pauses_while_waiting_for_the_citizen()
    {
        var start = new DateOnly(2026, 11, 2); // Monday
        var normal = DeadlinePolicy.Default.AnswerDue(Calendar, CaseKind.Question, start);
        var paused = DeadlinePolicy.Default.AnswerDue(Calendar, CaseKind.Question, start, [(new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 6))]);
        Assert.Equal(new DateOnly(2026, 11, 16), normal);
        Assert.Equal(new DateOnly(2026, 11, 19), paused); // three working days paused, three days later
        Assert.Equal(10, Calendar.WorkingDaysBetween(start, normal));
        Assert.Equal(7, Calendar.WorkingDaysBetween(start, normal, [(new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 6))]));
    }
}
