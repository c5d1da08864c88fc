using CchcPortal.Core.News.Statistics;

namespace CchcPortal.Web.Areas.Manager.Pages.NewsStatistics;

/// <summary>One grouped table of the statistics page (_StatisticsTable).</summary>
public sealed record StatisticsTable(string Id, string Caption, string LabelHeader, IReadOnlyList<StatisticsLine> Lines);
