using CchcPortal.Core.Search;
using CchcPortal.Core.Search.Documents;

namespace CchcPortal.Web.Features.Search;

/// <summary>The search index (Lucene), its indexer fed by the change feed, the documents each kind contributes, and /tim-kiem.</summary>
public sealed class SearchFeature : IPortalFeature
{
    public string Name => "Search";
    public int Order => FeatureOrder.Search;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // In this order: a rebuild indexes the kinds one after the other.
        services.AddScoped<ISearchDocumentSource, NewsDocuments>();
        services.AddScoped<ISearchDocumentSource, PageDocuments>();
        services.AddScoped<ISearchDocumentSource, AgencyDocuments>();
        services.AddScoped<ISearchDocumentSource, ProcedureDocuments>();
        services.AddScoped<ISearchDocumentSource, IndexResultDocuments>();
        services.AddScoped<ISearchDocumentSource, QuestionDocuments>();
        services.AddScoped<ISearchDocumentSource, EpisodeDocuments>();
        services.AddScoped<ISearchDocumentSource, LegalDocumentDocuments>();
        services.AddScoped<SearchIndexUpdater>();
        services.AddScoped<SearchIndexFailureLog>();
        services.AddPortalSearch();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSearchEndpoints();
}
