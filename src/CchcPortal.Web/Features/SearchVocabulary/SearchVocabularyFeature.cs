using CchcPortal.Core.Changes;
using CchcPortal.Core.Search.Vocabulary;
using CchcPortal.Search.Lucene;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Features.SearchVocabulary;

/// <summary>
/// The citizen vocabulary of search (everyday wording -> official wording), managed by administrators at
/// /quan-tri/cai-dat/tu-dong-nghia (a page of the Settings folder and its policy). Applied at query time: a change
/// reloads this node's snapshot at once (change-feed notice) and other nodes' within the poll interval
/// (<see cref="SearchVocabularyRefresher"/>); no index rebuild.
/// </summary>
public sealed class SearchVocabularyFeature : IPortalFeature
{
    public string Name => "SearchVocabulary";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SearchVocabularyService>();
        services.AddSingleton<SearchVocabularyHolder>();
        services.AddSingleton(new SearchVocabularyPolling(
            TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Portal:SearchVocabularyPollSeconds", 5), 1, 3600))));
        services.AddHostedService<SearchVocabularyRefresher>();
        services.AddScoped<IContentChangeListener, SearchVocabularyChangeListener>();
    }

    /// <summary>Every request searches with its own portal's vocabulary (several portals share a process in tests).</summary>
    public void UseBeforeOutputCache(IApplicationBuilder app)
    {
        var holder = app.ApplicationServices.GetRequiredService<SearchVocabularyHolder>();
        app.Use(async (context, next) =>
        {
            if (holder.Current is not { } snapshot)
            {
                await next(context);
                return;
            }
            using (QueryVocabulary.Scope(snapshot)) await next(context);
        });
    }

    public IEnumerable<(string Kind, string[] Tags)> CacheEvictions => [(SearchVocabularyService.Kind, [CachePolicies.SearchTag])];
}

public sealed record SearchVocabularyPolling(TimeSpan Interval);
