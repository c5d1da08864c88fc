using CchcPortal.Core.Agencies;
using CchcPortal.Core.Identity;
using CchcPortal.Core.News;
using CchcPortal.Core.Questions;
using CchcPortal.Web.Areas.Manager.Pages.Questions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CchcPortal.Web.Areas.Manager.Pages;

/// <summary>
/// The dashboard: a panel for each kind of work the signed-in user may do. A panel shows when the policy of the pages
/// it links to admits the user (the same check as the menu), so it never links to a page that answers 403.
/// </summary>
public sealed class IndexModel(IAuthorizationService authorization, UserManager<PortalUser> users, CaseDashboard dashboard,
    PostManagerQueries posts, PostWorkflowService newsWorkflow, AgencyQueries agencies) : ManagerPageModel
{
    public ModerationCounts? Moderation { get; private set; }
    public InboxCounts? Inbox { get; private set; }
    public bool IsHead { get; private set; }
    public string AgencyName { get; private set; } = "";
    /// <summary>A responder or head whose account names no agency: nothing reaches their inbox until one is set.</summary>
    public bool MissingAgency { get; private set; }
    public Dictionary<PublicationStatus, int>? NewsCounts { get; private set; }
    /// <summary>The news states that wait for this user, first in the panel; a contributor's counts are of their own posts.</summary>
    public IReadOnlyList<PublicationStatus> NewsWaiting { get; private set; } = [];
    public bool NewsOwnOnly { get; private set; }
    public bool CanManageUsers { get; private set; }
    public bool CanManageSettings { get; private set; }
    public bool HasAnyPanel => Moderation is not null || Inbox is not null || MissingAgency || NewsCounts is not null || CanManageUsers || CanManageSettings;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await AllowsAsync(PortalPolicies.HandleQuestions) && await StaffContext.ForAsync(User, users) is { } staff)
        {
            if (staff.IsModerator) Moderation = await dashboard.ModerationAsync(ct);
            if (staff.IsResponder || staff.IsHead)
            {
                IsHead = staff.IsHead;
                if (staff.AgencyId is { } agencyId && await agencies.ByIdAsync(agencyId, ct) is { } agency)
                {
                    AgencyName = agency.Name;
                    Inbox = await dashboard.InboxAsync(staff, ct);
                }
                else MissingAgency = true;
            }
        }
        if (await AllowsAsync(PortalPolicies.WriteNews))
        {
            var actor = await News.NewsActors.ForAsync(User, users);
            NewsOwnOnly = actor.IsContributorOnly;
            NewsWaiting = PostWorkflow.WaitingFor(actor, await newsWorkflow.ApprovalRequiredAsync(ct));
            NewsCounts = await posts.CountsByStatusAsync(ct, NewsOwnOnly ? actor.UserId ?? "" : null);
        }
        CanManageUsers = await AllowsAsync(PortalPolicies.ManageUsers);
        CanManageSettings = await AllowsAsync(PortalPolicies.ManageSettings);
    }

    private async Task<bool> AllowsAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;
}
