using CchcPortal.Core.Identity;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Features.Identity;

/// <summary>
/// The manager itself: every page of it is for staff only, its dashboard and password change, and the users page
/// (administrators). Sign-in, cookies and the policies are the host's (Infrastructure/PortalServiceExtensions); the
/// sign-in steps and their throttle, password reset mail and the two-factor requirement are this feature's.
/// </summary>
public sealed class IdentityFeature : IPortalFeature
{
    public string Name => "Identity";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp =>
        {
            var security = sp.GetRequiredService<IOptions<PortalOptions>>().Value.Security;
            return new SignInThrottlePolicy(security.SignInFreeFailures, security.SignInAddressFreeFailures, TimeSpan.FromMinutes(security.SignInMaxDelayMinutes));
        });
        services.AddSingleton<ISignInThrottle, MemorySignInThrottle>();
        services.AddSingleton<TwoFactorRequirement>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<PasswordResetMail>();
    }

    public void UseBeforeOutputCache(IApplicationBuilder app) => app.Use(TwoFactorRequirement.EnforceAsync);

    public void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AuthorizeAreaFolder("Manager", "/", PortalPolicies.Staff);
        conventions.AuthorizeAreaFolder("Manager", "/Users", PortalPolicies.ManageUsers);
    }

    public IEnumerable<ManagerMenuEntry> ManagerMenu =>
    [
        new("Tổng quan", "/quan-tri", 0, ExactMatch: true),
        new("Người dùng", "/quan-tri/nguoi-dung", 100, PortalPolicies.ManageUsers),
        new("Đổi mật khẩu", "/quan-tri/doi-mat-khau", 1000),
        new("Bảo mật tài khoản", "/quan-tri/bao-mat-tai-khoan", 1010),
    ];
}
