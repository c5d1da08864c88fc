using System.Security.Claims;
using CchcPortal.Core.Identity;
using CchcPortal.Web.Areas.Manager.Pages;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Features.Identity;

/// <summary>
/// Portal:Security:RequireTwoFactorForAdministrators (unset: on outside Development): an administrator without
/// two-factor sign-in reaches only the account security page of the manager, where it is turned on.
/// </summary>
public sealed class TwoFactorRequirement(IOptions<PortalOptions> options, IHostEnvironment environment)
{
    private readonly bool _on = options.Value.Security.RequireTwoFactorForAdministrators ?? !environment.IsDevelopment();

    public bool AppliesTo(ClaimsPrincipal user) => _on && user.IsInRole(PortalRoles.Administrator);

    /// <summary>Middleware after authorization: sends such an administrator from any other manager page to enrolment.</summary>
    public static async Task EnforceAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/quan-tri") && !path.StartsWithSegments(AccountSecurityModel.Path)
            && context.RequestServices.GetRequiredService<TwoFactorRequirement>().AppliesTo(context.User))
        {
            var users = context.RequestServices.GetRequiredService<UserManager<PortalUser>>();
            if (await users.GetUserAsync(context.User) is { } user && !await users.GetTwoFactorEnabledAsync(user))
            {
                context.Response.Redirect(AccountSecurityModel.Path);
                return;
            }
        }
        await next(context);
    }
}
