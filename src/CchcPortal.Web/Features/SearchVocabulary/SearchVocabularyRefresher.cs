namespace CchcPortal.Web.Features.SearchVocabulary;

/// <summary>
/// Loads the vocabulary before the server takes requests, then polls the entries' stamp: how a change made on
/// another node reaches this one (within <see cref="SearchVocabularyPolling.Interval"/>, 5 s by default).
/// </summary>
public sealed class SearchVocabularyRefresher(SearchVocabularyHolder holder, SearchVocabularyPolling polling, ILogger<SearchVocabularyRefresher> log)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await holder.ReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(polling.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await holder.RefreshIfChangedAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not check the search vocabulary for changes; trying again in {Interval}", polling.Interval);
            }
        }
    }
}
