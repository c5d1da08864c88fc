using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.News.Views;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.News.Statistics;

/// <summary>Posts per author, category, month and state with their views, for the editors' statistics and its export.</summary>
public sealed class NewsStatisticsQueries(PortalDbContext db)
{
    public const int TopCount = 10;

    private sealed record MonthViews(int PostId, int Year, int Month, long Views);

    public async Task<NewsStatisticsReport> ReportAsync(MonthPeriod period, CancellationToken ct = default)
    {
        var (firstDay, endDay) = (period.FirstDay, period.EndDay);
        // Grouped in the database by post and month: a year of daily rows never comes back one by one.
        var monthViews = await db.Set<PostViewDay>().AsNoTracking()
            .Where(v => v.Day >= firstDay && v.Day < endDay)
            .GroupBy(v => new { v.PostId, v.Day.Year, v.Day.Month })
            .Select(g => new MonthViews(g.Key.PostId, g.Key.Year, g.Key.Month, g.Sum(v => (long)v.Count)))
            .ToListAsync(ct);
        var viewsByPost = monthViews.GroupBy(v => v.PostId).ToDictionary(g => g.Key, g => g.Sum(v => v.Views));
        var viewed = viewsByPost.Keys.ToList();

        var (fromUtc, toUtc) = (VnFormat.ToUtc(firstDay.ToDateTime(TimeOnly.MinValue)), VnFormat.ToUtc(endDay.ToDateTime(TimeOnly.MinValue)));
        var rows = await db.Posts.AsNoTracking()
            .Where(p => ((p.PublishedAt ?? p.CreatedAt) >= fromUtc && (p.PublishedAt ?? p.CreatedAt) < toUtc) || viewed.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.Slug, p.AuthorId, p.AuthorName, Category = p.Category!.Name, p.Status, p.PublishedAt, p.CreatedAt })
            .ToListAsync(ct);
        var posts = rows
            .Select(p =>
            {
                var date = p.PublishedAt ?? p.CreatedAt;
                return new PostStatistics(p.Id, p.Title, p.Slug, p.AuthorName.Length > 0 ? p.AuthorName : "(không rõ)", p.Category, p.Status,
                    p.PublishedAt, p.CreatedAt, date >= fromUtc && date < toUtc, viewsByPost.GetValueOrDefault(p.Id));
            })
            .OrderByDescending(p => p.PublishedAt ?? p.CreatedAt).ThenByDescending(p => p.Id)
            .ToList();
        var authorKey = rows.ToDictionary(p => p.Id, p => p.AuthorId ?? p.AuthorName);

        var perMonth = period.EachMonth().Select(m =>
        {
            var dated = posts.Where(p => p.DatedInPeriod && MonthOf(p) == m).ToList();
            var views = monthViews.Where(v => v.Year == m.Year && v.Month == m.Month).Sum(v => v.Views);
            return (m, new StatisticsLine($"{m.Month:00}/{m.Year}", dated.Count, dated.Count(IsPublished), views));
        }).ToList();

        return new NewsStatisticsReport(
            period,
            Lines(posts.GroupBy(p => authorKey[p.Id]), g => g.First().AuthorName),
            Lines(posts.GroupBy(p => p.CategoryName), g => g.Key),
            perMonth,
            posts.GroupBy(p => p.Status).OrderBy(g => g.Key).Select(g => (g.Key, Line(g, g.Key.ToString()))).ToList(),
            posts.Where(p => p.Views > 0).OrderByDescending(p => p.Views).ThenByDescending(p => p.Id).Take(TopCount).ToList(),
            posts);
    }

    private static DateOnly MonthOf(PostStatistics p)
    {
        var local = VnFormat.ToLocal(p.PublishedAt ?? p.CreatedAt);
        return new DateOnly(local.Year, local.Month, 1);
    }

    private static bool IsPublished(PostStatistics p) => p.Status == PublicationStatus.Published;

    private static StatisticsLine Line(IEnumerable<PostStatistics> group, string label)
    {
        var list = group.ToList();
        var dated = list.Where(p => p.DatedInPeriod).ToList();
        return new StatisticsLine(label, dated.Count, dated.Count(IsPublished), list.Sum(p => p.Views));
    }

    private static List<StatisticsLine> Lines<TKey>(IEnumerable<IGrouping<TKey, PostStatistics>> groups, Func<IGrouping<TKey, PostStatistics>, string> label) =>
        groups.Select(g => Line(g, label(g)))
            .OrderByDescending(l => l.Posts).ThenByDescending(l => l.Views).ThenBy(l => l.Label, StringComparer.Create(VnFormat.Culture, false))
            .ToList();
}
