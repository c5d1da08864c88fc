using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Agencies;

public sealed record HotlineBoardEntry(string AgencyName, string AgencySlug, string Purpose, string Number, string TelHref, bool IsSampleData);

public sealed record DirectoryGroup(AdministrativeLevel Level, IReadOnlyList<Agency> Agencies);

/// <summary>Read side of the directory for public pages and the API. Loads each list in one query.</summary>
public sealed class AgencyQueries(PortalDbContext db)
{
    public async Task<IReadOnlyList<HotlineBoardEntry>> HotlineBoardAsync(CancellationToken ct = default)
    {
        var rows = await db.AgencyHotlines.AsNoTracking()
            .Where(h => h.IsFeatured)
            .Join(db.Agencies.Where(a => a.IsActive), h => h.AgencyId, a => a.Id, (h, a) => new { h, a })
            .OrderBy(x => x.a.Level!.SortOrder).ThenBy(x => x.a.SortOrder).ThenBy(x => x.h.SortOrder)
            .Select(x => new { x.a.Name, x.a.Slug, x.h.Purpose, x.h.Number, x.a.IsSampleData })
            .ToListAsync(ct);
        return rows.Select(r => new HotlineBoardEntry(r.Name, r.Slug, r.Purpose, r.Number,
            PhoneNumber.ParseOrNull(r.Number)?.TelHref ?? "#", r.IsSampleData)).ToList();
    }

    /// <summary>Active agencies grouped by level; <paramref name="filter"/> matches names, addresses and hotline purposes, with or without diacritics.</summary>
    public async Task<IReadOnlyList<DirectoryGroup>> DirectoryAsync(string? filter, CancellationToken ct = default)
    {
        var q = db.Agencies.AsNoTracking().Include(a => a.Hotlines).Where(a => a.IsActive);
        foreach (var term in VietnameseText.Fold(filter).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            q = q.Where(a => a.SearchText.Contains(term) || a.Phone.Contains(term) || a.Hotlines.Any(h => h.Number.Contains(term)));
        var agencies = await q.OrderBy(a => a.SortOrder).ThenBy(a => a.Name).AsSplitQuery().ToListAsync(ct);
        var levels = await db.AdministrativeLevels.AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync(ct);
        return levels
            .Select(l => new DirectoryGroup(l, agencies.Where(a => a.LevelId == l.Id).ToList()))
            .Where(g => g.Agencies.Count > 0)
            .ToList();
    }

    public Task<Agency?> BySlugAsync(string slug, CancellationToken ct = default) =>
        db.Agencies.AsNoTracking()
            .Include(a => a.Level).Include(a => a.Parent).Include(a => a.Successor).Include(a => a.Hotlines)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Slug == slug, ct);

    public async Task<IReadOnlyList<Agency>> ChildrenAsync(int id, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().Where(a => a.ParentId == id && a.IsActive).OrderBy(a => a.SortOrder).ToListAsync(ct);

    public async Task<IReadOnlyList<Agency>> PredecessorsAsync(int id, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().Where(a => a.SuccessorId == id).OrderBy(a => a.Name).ToListAsync(ct);

    /// <summary>Every agency with its level, parent and successor slugs and hotlines, in one round trip (API, export, manager).</summary>
    public async Task<IReadOnlyList<Agency>> AllAsync(bool includeInactive, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking()
            .Include(a => a.Level).Include(a => a.Parent).Include(a => a.Successor).Include(a => a.Hotlines)
            .Where(a => includeInactive || a.IsActive)
            .OrderBy(a => a.Level!.SortOrder).ThenBy(a => a.SortOrder).ThenBy(a => a.Name)
            .AsSplitQuery()
            .ToListAsync(ct);

    public async Task<IReadOnlyList<AdministrativeLevel>> LevelsAsync(CancellationToken ct = default) =>
        await db.AdministrativeLevels.AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync(ct);

    public Task<Agency?> ByIdAsync(int id, CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().Include(a => a.Hotlines).FirstOrDefaultAsync(a => a.Id == id, ct);
}
