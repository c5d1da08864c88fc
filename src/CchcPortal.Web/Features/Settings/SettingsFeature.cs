using CchcPortal.Core.Changes;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Settings;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CchcPortal.Web.Features.Settings;

/// <summary>Site settings (name, contact, footer), edited by administrators, and the web app manifest made from them. A settings change evicts the whole site.</summary>
public sealed class SettingsFeature : IPortalFeature
{
    public string Name => "Settings";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SiteSettingsService>();
        services.AddScoped<IContentChangeListener, SiteSettingsCacheEviction>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapWebManifest();

    public void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeAreaFolder("Manager", "/Settings", PortalPolicies.ManageSettings);

    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Cài đặt", "/quan-tri/cai-dat", 110, PortalPolicies.ManageSettings)];
}
