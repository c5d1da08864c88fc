using System.Security.Claims;
using CchcPortal.Core.Identity;
using CchcPortal.Core.News;
using Microsoft.AspNetCore.Identity;

namespace CchcPortal.Web.Areas.Manager.Pages.News;

/// <summary>The signed-in user as the news workflow sees them (the name shown in the history is the full name).</summary>
public static class NewsActors
{
    public static async Task<NewsActor> ForAsync(ClaimsPrincipal principal, UserManager<PortalUser> users)
    {
        var user = await users.GetUserAsync(principal);
        var name = string.IsNullOrEmpty(user?.FullName) ? principal.Identity?.Name ?? "?" : user.FullName;
        return NewsActor.Of(user?.Id, name, principal.IsInRole);
    }
}
