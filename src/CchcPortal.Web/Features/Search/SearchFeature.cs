using CchcPortal.Core.Agencies;
using CchcPortal.Core.Documents;
using CchcPortal.Core.Indices;
using CchcPortal.Core.News;
using CchcPortal.Core.Procedures;
using CchcPortal.Core.Questions;
using CchcPortal.Core.Search;
using CchcPortal.Core.StaticPages;

namespace CchcPortal.Web.Features.Search;

/// <summary>The search index (Lucene), its indexer fed by the change feed, the documents each kind contributes, and /tim-kiem.</summary>
public sealed class SearchFeature : IPortalFeature
{
    public string Name => "Search";
    public int Order => FeatureOrder.Search;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // In this order: a rebuild indexes the kinds one after the other.
        services.AddScoped<ISearchDocumentSource, NewsSearchDocuments>();
        services.AddScoped<ISearchDocumentSource, PageSearchDocuments>();
        services.AddScoped<ISearchDocumentSource, AgencySearchDocuments>();
        services.AddScoped<ISearchDocumentSource, ProcedureSearchDocuments>();
        services.AddScoped<ISearchDocumentSource, IndexResultSearchDocuments>();
        services.AddScoped<ISearchDocumentSource, QuestionSearchDocuments>();
        services.AddScoped<ISearchDocumentSource, EpisodeSearchDocuments>();
        services.AddScoped<ISearchDocumentSource, LegalDocumentSearchDocuments>();
        services.AddScoped<SearchIndexUpdater>();
        services.AddScoped<SearchIndexFailureLog>();
        services.AddPortalSearch();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSearchEndpoints();
}
