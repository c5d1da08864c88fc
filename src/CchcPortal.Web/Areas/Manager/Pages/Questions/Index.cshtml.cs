using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Questions;

/// <summary>Moderation queue for moderators; the agency inbox for responders and heads. Overdue first.</summary>
public sealed class IndexModel(CaseHandlingService cases, UserManager<PortalUser> users, TimeProvider time) : ManagerPageModel
{
    [FromQuery(Name = "trang-thai")] public CaseStatus? Status { get; set; }
    public IReadOnlyList<QuestionCase> Cases { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await StaffContext.ForAsync(User, users) is not { } staff) return Challenge();
        Today = DateOnly.FromDateTime(CchcPortal.Core.Common.VnFormat.ToLocal(time.GetUtcNow().UtcDateTime));
        Cases = await cases.QueueAsync(staff, Status, ct);
        return Page();
    }
}
