using System.Collections.Concurrent;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Web.Features.Procedures;

/// <summary>
/// Counts views of procedure pages, including those served from the output cache, in memory, and adds them to
/// the database every minute (and at shutdown). Feeds the "xem nhiều nhất" sort; a crash loses at most a minute.
/// </summary>
public sealed class ProcedureViewCounter(IServiceScopeFactory scopes, TimeProvider time, ILogger<ProcedureViewCounter> log)
    : PeriodicFlushService(time, log)
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

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    public override async Task FlushAsync(CancellationToken ct)
    {
        var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<string, int>());
        if (batch.IsEmpty) return;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var (slug, count) in batch)
            await db.Procedures.Where(p => p.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(p => p.ViewCount, p => p.ViewCount + count), ct);
    }
}
