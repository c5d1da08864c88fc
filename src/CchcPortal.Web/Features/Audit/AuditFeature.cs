using CchcPortal.Core.Audit;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Web.Features.Audit;

/// <summary>
/// The append-only audit log of staff actions and sign-ins (docs/security.md, "Audit log"): content and settings
/// saves are recorded by <see cref="ContentAuditInterceptor"/>, the other actions by their pages; administrators read
/// and export it at /quan-tri/nhat-ky.
/// </summary>
public sealed class AuditFeature : IPortalFeature
{
    public string Name => "Audit";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditQueries>();
        services.AddSingleton<ContentAuditInterceptor>();
        services.ConfigureDbContext<PortalDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<ContentAuditInterceptor>()));
    }

    public void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeAreaFolder("Manager", "/Audit", PortalPolicies.ManageUsers);

    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Nhật ký hệ thống", "/quan-tri/nhat-ky", 105, PortalPolicies.ManageUsers)];
}
