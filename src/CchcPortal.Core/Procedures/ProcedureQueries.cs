using System.Globalization;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Procedures;

/// <summary>How a list is ordered; <see cref="Relevance"/> needs the search engine's ranking (<see cref="ProcedureFilter.Ranking"/>).</summary>
public enum ProcedureSort { Name, Code, MostViewed, Relevance }

public sealed record ProcedureFilter(
    string? Query = null, string? Field = null, string? Level = null, int? AgencyId = null, string? Subject = null,
    OnlineLevel? Online = null, ProcedureSort Sort = ProcedureSort.Name, int Page = 1, int PageSize = 20,
    IReadOnlyList<int>? Ranking = null);

public sealed record FacetValue(string Value, string Label, int Count);

public sealed record ProcedureCard(
    int Id, string Code, string Name, string Slug, string Field, string Levels, OnlineLevel OnlineLevel, ProcedureStatus Status, int ViewCount);

public sealed record ProcedureListResult(
    PagedResult<ProcedureCard> Page,
    IReadOnlyList<FacetValue> Fields, IReadOnlyList<FacetValue> Levels, IReadOnlyList<FacetValue> Agencies,
    IReadOnlyList<FacetValue> Subjects, IReadOnlyList<FacetValue> OnlineLevels);

/// <summary>
/// Public read side of the procedures. Filters and facet counts are computed over a slim projection of the
/// catalogue in memory (a province has a few thousand procedures); each facet counts with every other filter
/// applied, so choosing a value lists exactly the number shown next to it.
/// </summary>
public sealed class ProcedureQueries(PortalDbContext db)
{
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.IgnoreCase);

    private sealed record Row(int Id, string Code, string Name, string Slug, string Field, string Levels, string Subjects,
        OnlineLevel OnlineLevel, ProcedureStatus Status, int ViewCount)
    {
        public HashSet<int> AgencyIds { get; } = [];
    }

    public async Task<ProcedureListResult> ListAsync(ProcedureFilter f, CancellationToken ct = default)
    {
        var q = db.Procedures.AsNoTracking();
        foreach (var term in VietnameseText.Fold(f.Query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            q = q.Where(p => p.SearchText.Contains(term));
        var rows = await q.Select(p => new Row(p.Id, p.Code, p.Name, p.Slug, p.Field, p.Levels, p.Subjects, p.OnlineLevel, p.Status, p.ViewCount))
            .ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.Id);
        foreach (var link in await db.ProcedureAgencyLinks.AsNoTracking().Select(l => new { l.ProcedureId, l.AgencyId }).ToListAsync(ct))
            if (byId.TryGetValue(link.ProcedureId, out var row)) row.AgencyIds.Add(link.AgencyId);

        bool FieldOk(Row r) => f.Field is null || r.Field == f.Field;
        bool LevelOk(Row r) => f.Level is null || r.Levels.Contains("|" + f.Level + "|");
        bool AgencyOk(Row r) => f.AgencyId is null || r.AgencyIds.Contains(f.AgencyId.Value);
        bool SubjectOk(Row r) => f.Subject is null || r.Subjects.Contains("|" + f.Subject + "|");
        bool OnlineOk(Row r) => f.Online is null || r.OnlineLevel == f.Online;
        // Rows matching every filter but the one of the facet being counted.
        IEnumerable<Row> Except(Facet skip) => rows.Where(r =>
            (skip == Facet.Field || FieldOk(r)) && (skip == Facet.Level || LevelOk(r)) && (skip == Facet.Agency || AgencyOk(r))
            && (skip == Facet.Subject || SubjectOk(r)) && (skip == Facet.Online || OnlineOk(r)));

        var matching = Except(Facet.None).ToList();
        var rank = f.Sort == ProcedureSort.Relevance && f.Ranking is { } ranking ? Rank(ranking) : null;
        IEnumerable<Row> sorted = f.Sort switch
        {
            // The matches the search engine ranked, in its order; any it did not rank follow by name.
            ProcedureSort.Relevance when rank is not null => matching
                .OrderBy(r => rank.GetValueOrDefault(r.Id, int.MaxValue)).ThenBy(r => r.Name, VietnameseOrder),
            ProcedureSort.Code => matching.OrderBy(r => r.Code, StringComparer.Ordinal),
            ProcedureSort.MostViewed => matching.OrderByDescending(r => r.ViewCount).ThenBy(r => r.Name, VietnameseOrder),
            _ => matching.OrderBy(r => r.Name, VietnameseOrder),
        };
        var page = Math.Max(1, f.Page);
        var cards = sorted.Skip((page - 1) * f.PageSize).Take(f.PageSize)
            .Select(r => new ProcedureCard(r.Id, r.Code, r.Name, r.Slug, r.Field, r.Levels, r.OnlineLevel, r.Status, r.ViewCount)).ToList();

        var agencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        static List<FacetValue> Count(IEnumerable<string> values, Func<string, string>? label = null) =>
            values.GroupBy(v => v).Select(g => new FacetValue(g.Key, label?.Invoke(g.Key) ?? g.Key, g.Count()))
                .OrderBy(v => v.Label, VietnameseOrder).ToList();

        return new ProcedureListResult(
            new PagedResult<ProcedureCard>(cards, page, f.PageSize, matching.Count),
            Count(Except(Facet.Field).Select(r => r.Field).Where(v => v.Length > 0)),
            Count(Except(Facet.Level).SelectMany(r => Split(r.Levels))),
            Count(Except(Facet.Agency).SelectMany(r => r.AgencyIds.Select(id => id.ToString(CultureInfo.InvariantCulture))),
                id => agencyNames.GetValueOrDefault(int.Parse(id, CultureInfo.InvariantCulture), id)),
            Count(Except(Facet.Subject).SelectMany(r => Split(r.Subjects))),
            Count(Except(Facet.Online).Select(r => ((int)r.OnlineLevel).ToString(CultureInfo.InvariantCulture)),
                v => ProcedureText.Online((OnlineLevel)int.Parse(v, CultureInfo.InvariantCulture))));
    }

    private enum Facet { None, Field, Level, Agency, Subject, Online }

    private static Dictionary<int, int> Rank(IReadOnlyList<int> ranking)
    {
        var rank = new Dictionary<int, int>(ranking.Count);
        for (var i = 0; i < ranking.Count; i++) rank.TryAdd(ranking[i], i);
        return rank;
    }

    private static IEnumerable<string> Split(string joined) => joined.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public Task<Procedure?> BySlugAsync(string slug, CancellationToken ct = default) => Load(db.Procedures.Where(p => p.Slug == slug), ct);

    public Task<Procedure?> ByCodeAsync(string code, CancellationToken ct = default) => Load(db.Procedures.Where(p => p.Code == code), ct);

    private static Task<Procedure?> Load(IQueryable<Procedure> q, CancellationToken ct) =>
        q.AsNoTracking()
            .Include(p => p.Channels.OrderBy(c => c.SortOrder))
            .Include(p => p.DossierItems.OrderBy(d => d.SortOrder))
            .Include(p => p.LegalBases.OrderBy(l => l.SortOrder))
            .Include(p => p.AgencyLinks).ThenInclude(l => l.Agency)
            .Include(p => p.History.OrderByDescending(h => h.At))
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ProcedureCard>> RelatedAsync(Procedure p, int count, CancellationToken ct = default) =>
        await db.Procedures.AsNoTracking().Where(o => o.Id != p.Id && o.Field == p.Field)
            .OrderByDescending(o => o.ViewCount).ThenBy(o => o.Code)
            .Take(count)
            .Select(r => new ProcedureCard(r.Id, r.Code, r.Name, r.Slug, r.Field, r.Levels, r.OnlineLevel, r.Status, r.ViewCount))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<ProcedureCard>> ForAgencyAsync(int agencyId, int count, CancellationToken ct = default) =>
        await db.Procedures.AsNoTracking().Where(p => p.AgencyLinks.Any(l => l.AgencyId == agencyId))
            .OrderByDescending(p => p.ViewCount).ThenBy(p => p.Code).Take(count)
            .Select(r => new ProcedureCard(r.Id, r.Code, r.Name, r.Slug, r.Field, r.Levels, r.OnlineLevel, r.Status, r.ViewCount))
            .ToListAsync(ct);

    public Task<int> CountForAgencyAsync(int agencyId, CancellationToken ct = default) =>
        db.ProcedureAgencyLinks.CountAsync(l => l.AgencyId == agencyId, ct);
}
