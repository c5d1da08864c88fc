using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>Moderators' counts: cases waiting for them, and overdue across every agency.</summary>
public sealed record ModerationCounts(int AwaitingAcceptance, int OverdueForAcceptance, int AwaitingAssignment, int InformationRequested, int Overdue);

/// <summary>An agency's counts: the open cases of its inbox, those due soon or overdue, those waiting for the head.</summary>
public sealed record InboxCounts(int Open, int DueSoon, int Overdue, int InformationRequested, int AwaitingApproval);

/// <summary>The question counts on the manager dashboard (/quan-tri), by what each kind of staff member acts on.</summary>
public sealed class CaseDashboard(PortalDbContext db, CaseHandlingService cases, TimeProvider time)
{
    /// <summary>An open case is "due soon" when its answer is due within this many working days from today.</summary>
    public const int DueSoonWorkingDays = 3;

    private DateOnly Today => DateOnly.FromDateTime(VnFormat.ToLocal(time.GetUtcNow().UtcDateTime));

    public async Task<ModerationCounts> ModerationAsync(CancellationToken ct = default)
    {
        var today = Today;
        // Only the fields QuestionCase.IsOverdue reads, so "overdue" has one definition.
        var open = await db.QuestionCases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Answered && c.Status != CaseStatus.Rejected && c.Status != CaseStatus.Withdrawn)
            .Select(c => new QuestionCase { Status = c.Status, ModerationDue = c.ModerationDue, AnswerDue = c.AnswerDue })
            .ToListAsync(ct);
        return new ModerationCounts(
            open.Count(c => c.Status == CaseStatus.Submitted),
            open.Count(c => c.Status == CaseStatus.Submitted && c.IsOverdue(today)),
            open.Count(c => c.Status == CaseStatus.Accepted),
            open.Count(c => c.Status == CaseStatus.NeedsInformation),
            open.Count(c => c.IsOverdue(today)));
    }

    /// <summary>The agency inbox as <see cref="CaseHandlingService.QueueAsync"/> lists it (only cases a moderator assigned to the agency), open cases only.</summary>
    public async Task<InboxCounts> InboxAsync(CaseHandlingService.Staff staff, CancellationToken ct = default)
    {
        var today = Today;
        var soon = (await WorkingCalendar.LoadAsync(db, ct)).AddWorkingDays(today, DueSoonWorkingDays);
        // As an agency member even when also a moderator: the inbox rule, not the moderator's view of every case.
        var inbox = await cases.QueueAsync(staff with { IsModerator = false }, status: null, ct);
        var open = inbox.Where(c => !CaseWorkflow.IsFinal(c.Status)).ToList();
        return new InboxCounts(
            open.Count,
            open.Count(c => CaseWorkflow.ClockRuns(c.Status) && c.AnswerDue is { } due && due >= today && due <= soon),
            open.Count(c => c.IsOverdue(today)),
            open.Count(c => c.Status == CaseStatus.NeedsInformation),
            open.Count(c => c.Status == CaseStatus.AwaitingApproval));
    }
}
