using CchcPortal.Core.Common;
using CchcPortal.Core.News.Views;
using CchcPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Features.News.Views;

/// <summary>
/// Counts views of article pages in memory, by slug and Vietnam day, and adds them to the database in one batch every
/// <see cref="NewsViewOptions.ViewFlushSeconds"/> (and at shutdown): a view, cached or not, costs no database write.
/// A crash loses at most one interval; a failed flush keeps its counts for the next one.
/// </summary>
public sealed class NewsViewCounter(IServiceScopeFactory scopes, TimeProvider time, IOptions<NewsViewOptions> options, ILogger<NewsViewCounter> log)
    : PeriodicFlushService(time, log)
{
    private readonly Lock _gate = new();
    private Dictionary<PostViewKey, int> _pending = [];

    public void Record(string slug)
    {
        var key = new PostViewKey(slug, DateOnly.FromDateTime(VnFormat.ToLocal(Time.GetUtcNow().UtcDateTime)));
        lock (_gate) _pending[key] = _pending.GetValueOrDefault(key) + 1;
    }

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.ViewFlushSeconds));

    /// <summary>Adds every view counted so far to the database.</summary>
    public override async Task FlushAsync(CancellationToken ct)
    {
        Dictionary<PostViewKey, int> batch;
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            batch = _pending;
            _pending = [];
        }
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<PostViewStore>().AddAsync(batch, ct);
        }
        catch
        {
            // The transaction rolled back: nothing of the batch was added, so it goes back for the next flush.
            lock (_gate)
                foreach (var (key, count) in batch) _pending[key] = _pending.GetValueOrDefault(key) + count;
            throw;
        }
    }
}
