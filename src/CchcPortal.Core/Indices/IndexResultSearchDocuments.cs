using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Indices;

/// <summary>
/// PAR Index/SIPAS/PAPI results of published years, as citizens look for them: one document per ranking
/// ("PAR Index 2023 – xếp hạng 63 tỉnh, thành phố") and one per unit ("Quảng Ninh – kết quả các chỉ số CCHC").
/// A few hundred documents at most, so any change rebuilds them all.
/// </summary>
public sealed class IndexResultSearchDocuments(PortalDbContext db) : ISearchDocumentSource
{
    public string Kind => ContentKinds.IndexResult;
    public bool ReplacesWholeKind => true;

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var results = await db.IndexResults.AsNoTracking().Include(r => r.IndexYear!).ThenInclude(y => y.Index)
            .Where(r => r.IndexYear!.IsPublished).ToListAsync(ct);
        var docs = new List<SearchDocument>();
        foreach (var ranking in results.GroupBy(r => (r.IndexYearId, r.Scope)))
        {
            var year = ranking.First().IndexYear!;
            var index = year.Index!;
            var ranked = Ranking.Rank(ranking.ToList(), r => r.Total);
            var lines = ranking.Select(r => (r, rank: r.PublishedRank ?? (ranked.TryGetValue(r, out var c) ? c : (int?)null)))
                .OrderBy(x => x.rank ?? int.MaxValue)
                .Select(x => $"{x.r.SubjectName} {Score(x.r.Total, index.Unit)}{(x.rank is { } k ? $" hạng {k}" : "")}").ToList();
            docs.Add(new SearchDocument
            {
                Key = $"{Kind}:ranking:{year.Id}:{ranking.Key.Scope}",
                Kind = Kind,
                Title = $"{index.ShortName} {year.Year}: {IndexScopes.Name(ranking.Key.Scope)}",
                Summary = $"{index.Name} năm {year.Year}. " + string.Join("; ", lines.Take(3)),
                Body = index.Name + " " + string.Join("; ", lines),
                Url = PublicPaths.IndexRanking(index.Code, year.Year, ranking.Key.Scope),
                Years = [year.Year],
            });
        }
        foreach (var subject in results.Where(r => r.Scope != IndexScopes.Regions).GroupBy(r => r.SubjectSlug))
        {
            var lines = subject.OrderBy(r => r.IndexYear!.Index!.SortOrder).ThenByDescending(r => r.IndexYear!.Year)
                .Select(r => $"{r.IndexYear!.Index!.ShortName} {r.IndexYear.Year}: {Score(r.Total, r.IndexYear.Index.Unit)}"
                    + (r.PublishedRank is { } k ? $", hạng {k}" : "")).ToList();
            docs.Add(new SearchDocument
            {
                Key = $"{Kind}:unit:{subject.Key}",
                Kind = Kind,
                Title = $"{subject.First().SubjectName}: kết quả chỉ số cải cách hành chính",
                Keywords = string.Join(", ", subject.Select(r => r.IndexYear!.Index!.ShortName).Distinct()),
                Summary = string.Join("; ", lines.Take(3)),
                Body = string.Join(" ", subject.Select(r => r.IndexYear!.Index!.Name).Distinct()) + " " + string.Join("; ", lines),
                Url = PublicPaths.IndexSubject(subject.Key),
                Years = subject.Select(r => r.IndexYear!.Year).Distinct().ToList(),
            });
        }
        return docs;
    }

    private static string Score(decimal? total, string unit) =>
        total is { } t ? t.ToString("0.##", VnFormat.Culture) + (unit == "%" ? "%" : " " + unit) : "";
}
