using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CchcPortal.Web.Features.Identity;

/// <summary>
/// The manager itself: every page of it is for staff only, its dashboard and password change, and the users page
/// (administrators). Sign-in, cookies and the policies are the host's (Infrastructure/PortalServiceExtensions).
/// </summary>
public sealed class IdentityFeature : IPortalFeature
{
    public string Name => "Identity";

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
    ];
}
