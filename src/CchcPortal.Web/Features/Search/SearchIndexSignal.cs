namespace CchcPortal.Web.Features.Search;

/// <summary>
/// The doorbell between content changes and the indexer. Kept apart from the indexer so that saving content
/// (seeding, commands) never opens the index itself.
/// </summary>
public sealed class SearchIndexSignal
{
    private readonly SemaphoreSlim _bell = new(0, 1);

    public void Ring()
    {
        try { _bell.Release(); } catch (SemaphoreFullException) { /* already rung */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _bell.WaitAsync(timeout, ct);
}
