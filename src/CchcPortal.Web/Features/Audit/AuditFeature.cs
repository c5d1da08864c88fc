using CchcPortal.Core.Audit;

namespace CchcPortal.Web.Features.Audit;

/// <summary>The append-only audit log of staff actions and sign-ins (docs/security.md, "What is logged").</summary>
public sealed class AuditFeature : IPortalFeature
{
    public string Name => "Audit";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<AuditLog>();
    }
}
