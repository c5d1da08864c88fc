using System.Collections.Concurrent;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Web.Features.Procedures;

/// <summary>
/// Counts views of procedure pages, including those served from the output cache, in memory, and adds them to
/// the database every minute (and at shutdown). Feeds the "xem nhiều nhất" sort; a crash loses at most a minute.
/// </summary>
public sealed class ProcedureViewCounter(IServiceScopeFactory scopes, TimeProvider time, ILogger<ProcedureViewCounter> log) : BackgroundService
{
    private const string Prefix = PublicPaths.Procedures + "/";
    private ConcurrentDictionary<string, int> _pending = new();

    public void Record(PathString path)
    {
        var value = path.Value;
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal)) return;
        var slug = value[Prefix.Length..];
        if (slug.Length is 0 or > 200 || slug.Contains('/')) return;
        _pending.AddOrUpdate(slug, 1, (_, n) => n + 1);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<string, int>());
        if (batch.IsEmpty) return;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var (slug, count) in batch)
            await db.Procedures.Where(p => p.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(p => p.ViewCount, p => p.ViewCount + count), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await SafeFlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) { }
        await SafeFlushAsync(CancellationToken.None);
    }

    private async Task SafeFlushAsync(CancellationToken ct)
    {
        try { await FlushAsync(ct); }
        catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Could not save procedure view counts"); }
    }
}
