using CchcPortal.Core.Agencies;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Search;
using CchcPortal.Themes.Default;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CchcPortal.Web.Features.Agencies;

/// <summary>The directory of agencies and their hotlines.</summary>
public sealed class AgenciesFeature : IPortalFeature
{
    public string Name => "Agencies";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AgencyService>();
        services.AddScoped<AgencyQueries>();
        services.AddSearchDocuments<AgencySearchDocuments>();
        services.AddScoped<AgencyImporter>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapDirectoryEndpoints();

    public void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeAreaFolder("Manager", "/Agencies", PortalPolicies.ManageDirectory);

    public IEnumerable<MenuItem> MainMenu => [new("Đường dây nóng", "/duong-day-nong", 30)];
    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Danh bạ cơ quan", "/quan-tri/co-quan", 60, PortalPolicies.ManageDirectory)];
    // Agency names appear in procedure filters.
    public IEnumerable<(string Kind, string[] Tags)> CacheEvictions => [(ContentKinds.Agency, [CachePolicies.DirectoryTag, CachePolicies.ProceduresTag])];
}
