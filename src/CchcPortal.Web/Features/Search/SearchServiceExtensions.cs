using CchcPortal.Core.Changes;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Features.Search;

public static class SearchServiceExtensions
{
    /// <summary>
    /// The index writer's RAM buffer in the serving process: a rebuild at start then peaks at about 370 MB instead of
    /// about 480 MB (64 MB buffer) on a portal grown to 26,000 documents, at about the same speed (docs/benchmarks.md).
    /// </summary>
    public const double ServingRamBufferMB = 32;

    /// <summary>The Lucene index in Portal:SearchIndexPath ({DataPath}/index), its indexer and the change listener that wakes it.</summary>
    public static IServiceCollection AddPortalSearch(this IServiceCollection services)
    {
        services.AddSingleton(sp => new LuceneSearchIndex(sp.GetRequiredService<PortalPaths>().SearchIndexPath, ServingRamBufferMB));
        services.AddSingleton<SearchIndexUpdaterCursor>();
        services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<LuceneSearchIndex>());
        services.AddSingleton<SearchIndexSignal>();
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddScoped<IContentChangeListener, SearchChangeListener>();
        return services;
    }
}
