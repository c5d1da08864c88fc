using CchcPortal.Core.Search;

namespace CchcPortal.Web.Features.Search;

/// <summary>The search index (Lucene), its indexer fed by the change feed, and /tim-kiem. Each feature adds its own documents (AddSearchDocuments).</summary>
public sealed class SearchFeature : IPortalFeature
{
    public string Name => "Search";
    public int Order => FeatureOrder.Search;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SearchIndexUpdater>();
        services.AddScoped<SearchIndexFailureLog>();
        services.AddPortalSearch();
        services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search-index");
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSearchEndpoints();
}
