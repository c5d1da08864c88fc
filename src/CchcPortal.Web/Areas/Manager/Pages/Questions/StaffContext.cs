using System.Security.Claims;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using Microsoft.AspNetCore.Identity;

namespace CchcPortal.Web.Areas.Manager.Pages.Questions;

public static class StaffContext
{
    public static async Task<CaseHandlingService.Staff?> ForAsync(ClaimsPrincipal principal, UserManager<PortalUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null) return null;
        bool Is(string role) => principal.IsInRole(role);
        return new CaseHandlingService.Staff(user.Id, string.IsNullOrEmpty(user.FullName) ? user.Email ?? "" : user.FullName, user.JobTitle, user.AgencyId,
            Is(PortalRoles.Moderator) || Is(PortalRoles.Administrator), Is(PortalRoles.AgencyResponder), Is(PortalRoles.AgencyHead));
    }
}
