using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Audit;

/// <summary>
/// What the administrators' list filters on. Dates are days in Vietnam time, both ends included; the text filters
/// match part of the account, target or address.
/// </summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? Account, string? Action, string? Target, string? Address)
{
    public const int MaxText = 200;
}

/// <summary>Reads the audit log, newest first. There is no way to change or remove an entry.</summary>
public sealed class AuditQueries(PortalDbContext db)
{
    public const int PageSize = 50;
    /// <summary>The most rows one CSV export holds; a wider range is narrowed by the filters.</summary>
    public const int MaxExportRows = 100_000;

    public async Task<PagedResult<AuditEntry>> ListAsync(AuditFilter filter, int page, CancellationToken ct = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new PagedResult<AuditEntry>(items, page, PageSize, total);
    }

    public async Task<IReadOnlyList<AuditEntry>> ExportAsync(AuditFilter filter, CancellationToken ct = default) =>
        await Filtered(filter).Take(MaxExportRows).ToListAsync(ct);

    private IQueryable<AuditEntry> Filtered(AuditFilter f)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (f.From is { } from)
        {
            var start = VnFormat.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.At >= start);
        }
        if (f.To is { } to)
        {
            var end = VnFormat.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.At < end);
        }
        if (Text(f.Account) is { } account) query = query.Where(e => e.UserName.Contains(account) || e.UserId == account);
        if (Text(f.Action) is { } action) query = query.Where(e => e.Action == action);
        if (Text(f.Target) is { } target) query = query.Where(e => e.Target.Contains(target));
        if (Text(f.Address) is { } address) query = query.Where(e => e.Address.Contains(address));
        return query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }

    private static string? Text(string? value)
    {
        var text = value?.Trim() ?? "";
        return text.Length == 0 ? null : text.Length > AuditFilter.MaxText ? text[..AuditFilter.MaxText] : text;
    }
}
