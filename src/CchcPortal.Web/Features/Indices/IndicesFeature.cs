using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Indices;
using CchcPortal.Core.Search;
using CchcPortal.Themes.Default;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CchcPortal.Web.Features.Indices;

/// <summary>PAR Index and SIPAS results: definitions, imports, result pages, charts and exports.</summary>
public sealed class IndicesFeature : IPortalFeature
{
    public string Name => "Indices";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IndexImporter>();
        services.AddScoped<IndexSeeder>();
        services.AddSearchDocuments<IndexResultSearchDocuments>();
        services.AddScoped<IndexQueries>();
        services.AddScoped<IndexHighlightQueries>();
        services.AddScoped<IndexService>();
        services.AddScoped<IndexDefinitionService>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapIndexEndpoints();
        endpoints.MapIndexExport();
    }

    public void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeAreaFolder("Manager", "/Indices", PortalPolicies.ManageDirectory);

    public IEnumerable<MenuItem> MainMenu => [new("Chỉ số CCHC", PublicPaths.Indices, 40)];
    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Chỉ số CCHC", "/quan-tri/chi-so", 80, PortalPolicies.ManageDirectory)];
    public IEnumerable<(string Kind, string[] Tags)> CacheEvictions => [(ContentKinds.IndexResult, [CachePolicies.IndicesTag])];
}
