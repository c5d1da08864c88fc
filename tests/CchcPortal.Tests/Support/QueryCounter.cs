using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CchcPortal.Tests.Support;

/// <summary>
/// Counts the SQL commands each HTTP request runs (test only): a middleware in front of the whole pipeline opens a
/// per-request tally in an AsyncLocal, and an EF Core interceptor adds to it. Background services (mail sender,
/// view counter, scheduler) run outside any request and are not counted.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<Tally?> Current = new();
    private readonly ConcurrentDictionary<string, Tally> _last = new();

    private sealed class Tally
    {
        public int Count;
        public readonly ConcurrentQueue<string> Sql = new();
    }

    /// <summary>Commands run by the last completed request for this path and query (e.g. "/tin-tuc?trang=2").</summary>
    public int LastCount(string pathAndQuery) =>
        _last.TryGetValue(pathAndQuery, out var t) ? t.Count : throw new InvalidOperationException($"No request to {pathAndQuery} was counted.");

    /// <summary>The SQL of the last request for this path, to show in a failing assertion.</summary>
    public string LastSql(string pathAndQuery) =>
        _last.TryGetValue(pathAndQuery, out var t) ? string.Join("\n---\n", t.Sql) : "";

    private static void Record(DbCommand command)
    {
        if (Current.Value is not { } tally) return;
        Interlocked.Increment(ref tally.Count);
        tally.Sql.Enqueue(command.CommandText);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    { Record(command); return result; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    { Record(command); return ValueTask.FromResult(result); }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    { Record(command); return result; }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    { Record(command); return ValueTask.FromResult(result); }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    { Record(command); return result; }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    { Record(command); return ValueTask.FromResult(result); }

    /// <summary>Runs first in the pipeline (before the output cache), so a cache hit is counted as zero commands.</summary>
    public sealed class StartupFilter(QueryCounter counter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextDelegate) =>
            {
                var tally = new Tally();
                Current.Value = tally;
                try { await nextDelegate(context); }
                finally
                {
                    Current.Value = null;
                    counter._last[context.Request.Path + context.Request.QueryString] = tally;
                }
            });
            next(app);
        };
    }
}
