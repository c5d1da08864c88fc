using CchcPortal.Core.Search.Vocabulary;
using CchcPortal.Search.Lucene;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Features.SearchVocabulary;

/// <summary>
/// This node's vocabulary snapshot, loaded from the database: replaced whole on a change, so a running search keeps
/// the one it started with. A reload also moves the search cache generation and evicts cached search pages.
/// Requests search with it (<see cref="SearchVocabularyFeature.UseBeforeOutputCache"/>); a search outside a request
/// uses the built-in seed vocabulary, so several portals in one process (tests) never see each other's.
/// </summary>
public sealed class SearchVocabularyHolder(IServiceScopeFactory scopes, SearchCacheGeneration generation, IOutputCacheStore cache,
    ILogger<SearchVocabularyHolder> log)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private VocabularySnapshot? _current;
    private SearchVocabularyService.Stamp? _stamp;

    /// <summary>Null until the first load (searches then use the built-in seed vocabulary).</summary>
    public VocabularySnapshot? Current => Volatile.Read(ref _current);

    public Task ReloadAsync(CancellationToken ct) => LoadAsync(onlyIfChanged: false, ct);

    /// <summary>Another node's change: reloads when the stored entries' stamp moved.</summary>
    public Task RefreshIfChangedAsync(CancellationToken ct) => LoadAsync(onlyIfChanged: true, ct);

    private async Task LoadAsync(bool onlyIfChanged, CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<SearchVocabularyService>();
            var stamp = await service.StampAsync(ct);
            if (onlyIfChanged && stamp == _stamp) return;
            var snapshot = new VocabularySnapshot(await service.EnabledAsync(ct));
            Volatile.Write(ref _current, snapshot);
            _stamp = stamp;
            generation.Advance();
            await cache.EvictByTagAsync(CachePolicies.SearchTag, ct);
            log.LogInformation("Search vocabulary loaded: {Count} enabled entries", snapshot.Count);
        }
        finally
        {
            _loading.Release();
        }
    }
}
