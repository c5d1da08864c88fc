using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>One step of a case's history as its citizen reads it: who in public terms, never a staff member's name.</summary>
public sealed record PublicCaseStep(DateTime At, string Who, string Action, CaseStatus ToStatus, string Note);

/// <summary>
/// The history wording shared by the staff case page and the citizen's tracking page: one label per action, the
/// same capitalisation everywhere. Events store the action text (<see cref="CaseWorkflow.ActionText"/>, "Gửi" for
/// the submission); the label is that text with a capital first letter.
/// </summary>
public sealed class CaseHistory(PortalDbContext db)
{
    public const string Citizen = "Người gửi";
    public const string Reception = "Bộ phận tiếp nhận";
    public const string HandlingAgency = "Cơ quan xử lý";

    public static string Label(CaseEvent e) => e.Action.Length == 0 ? "" : char.ToUpper(e.Action[0], VnFormat.Culture) + e.Action[1..];

    /// <summary>The steps of a case found by code and secret, each with the public name of who took it.</summary>
    public async Task<IReadOnlyList<PublicCaseStep>> PublicStepsAsync(QuestionCase tracked, CancellationToken ct = default)
    {
        var agency = tracked.AgencyId is { } id
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? ""
            : "";
        return tracked.Events.Where(IsPublicStep).OrderBy(e => e.At).Select(e => new PublicCaseStep(e.At, PublicActor(e, agency), Label(e), e.ToStatus, PublicNote(e))).ToList();
    }

    /// <summary>
    /// A step the citizen is told of: every change of status and anything the citizen did. Staff work that leaves the
    /// status as it was (saving a draft, attaching or removing a file of the answer) stays internal.
    /// </summary>
    public static bool IsPublicStep(CaseEvent e) => e.Actor == Citizen || e.FromStatus != e.ToStatus;

    /// <summary>The citizen, the reception desk (moderation, assignment, merging) or the handling agency.</summary>
    public static string PublicActor(CaseEvent e, string agencyName)
    {
        if (e.Actor == Citizen) return Citizen;
        var action = Enum.GetValues<CaseAction>().Cast<CaseAction?>().FirstOrDefault(a => CaseWorkflow.ActionText(a!.Value) == e.Action);
        var actor = action is { } a ? CaseWorkflow.Transitions.First(t => t.Action == a).Actor
            : e.FromStatus is null or CaseStatus.Submitted || e.Action.StartsWith("gộp", StringComparison.Ordinal) ? CaseActor.Moderator : CaseActor.AgencyResponder;
        return actor switch
        {
            CaseActor.Citizen => Citizen,
            CaseActor.Moderator => Reception,
            _ => agencyName.Length > 0 ? agencyName : HandlingAgency,
        };
    }

    /// <summary>Only the agency's request for information and the citizen's own reason for withdrawing are shown; staff notes stay internal.</summary>
    private static string PublicNote(CaseEvent e) => e.ToStatus is CaseStatus.NeedsInformation or CaseStatus.Withdrawn ? e.Note : "";
}
