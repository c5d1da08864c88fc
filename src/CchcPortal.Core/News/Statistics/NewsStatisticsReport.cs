namespace CchcPortal.Core.News.Statistics;

/// <summary>A period of whole months, Vietnam time: from the first day of <see cref="From"/> to the last day of <see cref="To"/>.</summary>
public sealed record MonthPeriod(DateOnly From, DateOnly To)
{
    /// <summary>Longest period the statistics read at once (ten years).</summary>
    public const int MaxMonths = 120;

    public DateOnly FirstDay => new(From.Year, From.Month, 1);
    /// <summary>The first day after the period.</summary>
    public DateOnly EndDay => new DateOnly(To.Year, To.Month, 1).AddMonths(1);
    public int Months => (To.Year - From.Year) * 12 + To.Month - From.Month + 1;

    public static MonthPeriod YearOf(DateOnly day) => new(new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 1));

    public IEnumerable<DateOnly> EachMonth()
    {
        for (var m = FirstDay; m < EndDay; m = m.AddMonths(1)) yield return m;
    }
}

/// <summary>One line of a grouped table: how many posts the group wrote in the period, how many of them are published, and its views in the period.</summary>
public sealed record StatisticsLine(string Label, int Posts, int Published, long Views);

/// <summary>One post of the period, as the export lists it (the basis of royalty reports).</summary>
public sealed record PostStatistics(
    int Id, string Title, string Slug, string AuthorName, string CategoryName, PublicationStatus Status,
    DateTime? PublishedAt, DateTime CreatedAt, bool DatedInPeriod, long Views);

/// <summary>
/// The editors' statistics of a period. A post counts in the period by its date (published date, else creation
/// date); views are those counted during the period, whatever the post's date, so a group may show views and no
/// new post.
/// </summary>
public sealed record NewsStatisticsReport(
    MonthPeriod Period,
    IReadOnlyList<StatisticsLine> PerAuthor,
    IReadOnlyList<StatisticsLine> PerCategory,
    IReadOnlyList<(DateOnly Month, StatisticsLine Line)> PerMonth,
    IReadOnlyList<(PublicationStatus Status, StatisticsLine Line)> PerStatus,
    IReadOnlyList<PostStatistics> TopViewed,
    IReadOnlyList<PostStatistics> Posts)
{
    public int TotalPosts => Posts.Count(p => p.DatedInPeriod);
    public long TotalViews => Posts.Sum(p => p.Views);
}
