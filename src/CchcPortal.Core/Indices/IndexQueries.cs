using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Indices;

public sealed record RankedResult(IndexResult Result, int? Rank, bool RankIsPublished);

public sealed record RankingTable(IndexDefinition Index, IndexYear Year, string Scope, IReadOnlyList<RankedResult> Rows, IReadOnlyList<string> Scopes, IReadOnlyList<int> Years);

public sealed record TrendPoint(int Year, decimal? Total, int? Rank, string Scope);

public sealed record FieldScore(IndexCriterion Criterion, decimal? Score)
{
    public decimal? Lost => Criterion.MaxScore is { } max && Score is { } s ? max - s : null;
}

public sealed record SubjectProfile(string Slug, string Name, bool IsSample,
    IReadOnlyList<(IndexDefinition Index, IReadOnlyList<TrendPoint> Trend, IndexResult Latest, IReadOnlyList<FieldScore> Fields)> Indices);

/// <summary>Public read side of index results: only published years. Ranks are published ranks where the source gives them, otherwise computed with ties.</summary>
public sealed class IndexQueries(PortalDbContext db)
{
    public async Task<IReadOnlyList<IndexDefinition>> IndicesAsync(CancellationToken ct = default) =>
        await db.IndexDefinitions.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(ct);

    public async Task<IReadOnlyList<(IndexDefinition Index, int Year, IndexResult? National, IndexResult? Top)>> OverviewAsync(CancellationToken ct = default)
    {
        var list = new List<(IndexDefinition, int, IndexResult?, IndexResult?)>();
        foreach (var index in await IndicesAsync(ct))
        {
            var year = await db.IndexYears.AsNoTracking().Where(y => y.IndexDefinitionId == index.Id && y.IsPublished)
                .Where(y => db.IndexResults.Any(r => r.IndexYearId == y.Id && !r.IsSampleData))
                .OrderByDescending(y => y.Year).FirstOrDefaultAsync(ct);
            if (year is null) continue;
            var results = await db.IndexResults.AsNoTracking().Where(r => r.IndexYearId == year.Id && !r.IsSampleData).ToListAsync(ct);
            var national = results.FirstOrDefault(r => r.Scope == IndexScopes.Nation);
            var top = results.Where(r => r.Scope == IndexScopes.Provinces).OrderBy(r => r.PublishedRank ?? int.MaxValue).ThenByDescending(r => r.Total).FirstOrDefault();
            list.Add((index, year.Year, national, top));
        }
        return list;
    }

    public async Task<RankingTable?> RankingAsync(string code, int year, string? scope, CancellationToken ct = default)
    {
        var indexYear = await db.IndexYears.AsNoTracking().Include(y => y.Index).Include(y => y.Criteria)
            .FirstOrDefaultAsync(y => y.Index!.Code == code && y.Year == year && y.IsPublished, ct);
        if (indexYear is null) return null;
        var all = await db.IndexResults.AsNoTracking().Include(r => r.Scores).Where(r => r.IndexYearId == indexYear.Id).ToListAsync(ct);
        var scopes = all.Select(r => r.Scope).Distinct().OrderBy(s => s == IndexScopes.Provinces ? 0 : s == IndexScopes.Departments ? 1 : 2).ToList();
        scope ??= scopes.FirstOrDefault() ?? IndexScopes.Provinces;
        var rows = all.Where(r => r.Scope == scope).ToList();
        var computed = Ranking.Rank(rows, r => r.Total);
        var ranked = rows.Select(r => new RankedResult(r, r.PublishedRank ?? (computed.TryGetValue(r, out var c) ? c : null), r.PublishedRank is not null))
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenByDescending(r => r.Result.Total).ThenBy(r => r.Result.SubjectName).ToList();
        var years = await db.IndexYears.AsNoTracking().Where(y => y.IndexDefinitionId == indexYear.IndexDefinitionId && y.IsPublished)
            .OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(ct);
        return new RankingTable(indexYear.Index!, indexYear, scope, ranked, scopes, years);
    }

    public async Task<SubjectProfile?> SubjectAsync(string slug, CancellationToken ct = default)
    {
        var results = await db.IndexResults.AsNoTracking().Include(r => r.Scores).Include(r => r.IndexYear!).ThenInclude(y => y.Index)
            .Include(r => r.IndexYear!).ThenInclude(y => y.Criteria)
            .Where(r => r.SubjectSlug == slug && r.IndexYear!.IsPublished).AsSplitQuery().ToListAsync(ct);
        if (results.Count == 0) return null;
        var indices = new List<(IndexDefinition, IReadOnlyList<TrendPoint>, IndexResult, IReadOnlyList<FieldScore>)>();
        foreach (var group in results.GroupBy(r => r.IndexYear!.Index!.Id))
        {
            var ordered = group.OrderBy(r => r.IndexYear!.Year).ToList();
            var trend = new List<TrendPoint>();
            foreach (var r in ordered)
            {
                var rank = r.PublishedRank;
                if (rank is null && r.Total is not null)
                {
                    var peers = await db.IndexResults.AsNoTracking().Where(p => p.IndexYearId == r.IndexYearId && p.Scope == r.Scope).ToListAsync(ct);
                    rank = Ranking.Rank(peers, p => p.Total).FirstOrDefault(kv => kv.Key.Id == r.Id).Value is var v && v > 0 ? v : null;
                }
                trend.Add(new TrendPoint(r.IndexYear!.Year, r.Total, rank, r.Scope));
            }
            var latest = ordered[^1];
            // The breakdown uses the latest year's own criteria tree: definitions may differ between years.
            var fields = latest.IndexYear!.Criteria.Where(c => c.ParentCode.Length == 0).OrderBy(c => c.SortOrder)
                .Select(c => new FieldScore(c, latest.Scores.FirstOrDefault(s => s.CriterionCode == c.Code)?.Value)).ToList();
            indices.Add((group.First().IndexYear!.Index!, trend, latest, fields));
        }
        var first = results[0];
        return new SubjectProfile(slug, first.SubjectName, results.All(r => r.IsSampleData),
            indices.OrderBy(i => i.Item1.SortOrder).Select(i => ((IndexDefinition, IReadOnlyList<TrendPoint>, IndexResult, IReadOnlyList<FieldScore>))i).ToList());
    }

    public async Task<IReadOnlyList<(string Slug, string Name)>> SubjectsAsync(CancellationToken ct = default) =>
        (await db.IndexResults.AsNoTracking().Where(r => r.IndexYear!.IsPublished && r.Scope != IndexScopes.Regions)
            .Select(r => new { r.SubjectSlug, r.SubjectName }).Distinct().ToListAsync(ct))
            .DistinctBy(x => x.SubjectSlug)
            .OrderBy(x => x.SubjectName, StringComparer.Create(Common.VnFormat.Culture, true))
            .Select(x => (x.SubjectSlug, x.SubjectName)).ToList();
}
