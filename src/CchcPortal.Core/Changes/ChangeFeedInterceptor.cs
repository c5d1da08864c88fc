using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CchcPortal.Core.Changes;

/// <summary>
/// Ties each context's <see cref="ChangeFeed"/> to its SaveChanges: the rows of new entities are written with their
/// ids in the same transaction, notices are published after a successful save and dropped after a failed one.
/// Added to the context's options where the host registers the context (one instance for the application).
/// </summary>
public sealed class ChangeFeedInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, ChangeFeed> _feeds = [];

    internal void Attach(DbContext db, ChangeFeed feed) => _feeds.AddOrUpdate(db, feed);

    /// <summary>The context's feed, unless it is the feed's own save (whose caller handles what follows).</summary>
    private ChangeFeed? FeedOf(DbContext? db) => db is not null && _feeds.TryGetValue(db, out var feed) && !feed.Saving ? feed : null;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        FeedOf(eventData.Context) is { HasPending: true }
            ? throw new InvalidOperationException("A context with recorded changes is saved with SaveChangesAsync: their notices are published asynchronously.")
            : result;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) =>
        FeedOf(eventData.Context) is { HasRowsOfNew: true } feed
            ? InterceptionResult<int>.SuppressWithResult(await feed.SaveWithIdsAsync(cancellationToken))
            : result;

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (FeedOf(eventData.Context) is { } feed) await feed.SavedAsync(cancellationToken);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        FeedOf(eventData.Context)?.Drop();
        return Task.CompletedTask;
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        FeedOf(eventData.Context)?.Drop();
        return Task.CompletedTask;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        FeedOf(eventData.Context)?.Drop();
        return ValueTask.FromResult(result);
    }
}
