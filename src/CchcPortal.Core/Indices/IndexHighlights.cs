using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Indices;

/// <summary>A unit's latest real figure of one index: its score and the rank its source published.</summary>
public sealed record IndexHighlight(IndexDefinition Index, int Year, string Scope, decimal? Total, int? Rank);

/// <summary>
/// What the home page says about the indices: the configured unit's latest real (not sample) figures; where the unit
/// has none, the latest year of each index that has real figures, so the block still leads to the rankings.
/// </summary>
public sealed record IndexHighlights(IReadOnlyList<IndexHighlight> Subject, IReadOnlyList<(IndexDefinition Index, int Year)> LatestYears)
{
    public bool IsEmpty => Subject.Count == 0 && LatestYears.Count == 0;
}

/// <summary>The home page's index figures in one or two queries, whatever the number of results.</summary>
public sealed class IndexHighlightQueries(PortalDbContext db)
{
    public async Task<IndexHighlights> ForSubjectAsync(string subjectSlug, CancellationToken ct = default)
    {
        var mine = subjectSlug.Length == 0 ? [] : await db.IndexResults.AsNoTracking()
            .Where(r => r.SubjectSlug == subjectSlug && !r.IsSampleData && r.IndexYear!.IsPublished && r.Scope != IndexScopes.Regions
                        && (r.Total != null || r.PublishedRank != null))
            .Select(r => new Mine(r.IndexYearId, r.Scope, r.Total, r.PublishedRank, r.IndexYear!.Year, r.IndexYear.Index!))
            .ToListAsync(ct);
        if (mine.Count > 0)
        {
            var latest = mine.GroupBy(r => r.Index.Id).Select(g => g.OrderByDescending(r => r.Year).First()).OrderBy(r => r.Index.SortOrder);
            // Only a rank the source published: one computed from a partial table (a few provinces) would mislead.
            return new IndexHighlights(latest.Select(r => new IndexHighlight(r.Index, r.Year, r.Scope, r.Total, r.PublishedRank)).ToList(), []);
        }
        var years = await db.IndexYears.AsNoTracking()
            .Where(y => y.IsPublished && db.IndexResults.Any(r => r.IndexYearId == y.Id && !r.IsSampleData))
            .Select(y => new { y.Year, Index = y.Index! }).ToListAsync(ct);
        return new IndexHighlights([], years.GroupBy(y => y.Index.Id).Select(g => g.OrderByDescending(y => y.Year).First())
            .OrderBy(y => y.Index.SortOrder).Select(y => (y.Index, y.Year)).ToList());
    }

    private sealed record Mine(int IndexYearId, string Scope, decimal? Total, int? PublishedRank, int Year, IndexDefinition Index);
}
