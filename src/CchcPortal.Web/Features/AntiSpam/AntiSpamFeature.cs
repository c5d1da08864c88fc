namespace CchcPortal.Web.Features.AntiSpam;

/// <summary>Proof of work and the no-JavaScript question guarding the public forms.</summary>
public sealed class AntiSpamFeature : IPortalFeature
{
    public string Name => "AntiSpam";
    public int Order => FeatureOrder.HostDefault;

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddAntiSpam();

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAntiSpamEndpoints();
}
