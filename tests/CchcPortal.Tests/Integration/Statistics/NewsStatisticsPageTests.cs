using System.Net;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using CchcPortal.Core.News.Views;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Statistics;

/// <summary>
/// /quan-tri/thong-ke-tin-bai on posts and views written for it: the tables per author, category, month and state,
/// the top posts, another period, bad periods, and the Excel export (opened with ClosedXML, and audited).
/// </summary>
public sealed class NewsStatisticsPageTests(NewsStatisticsPageTests.Fixture fixture) : IClassFixture<NewsStatisticsPageTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public PortalFactory Factory { get; } = new();
        public Dictionary<string, int> Ids { get; } = [];

        // The fake clock is in November 2026, so the default period is 2026. Posts of authors An and Bình in
        // categories 0 and 1; post 5 is of 2025 but read in 2026; post 6 is scheduled for 2027.
        public async Task InitializeAsync()
        {
            var f = Factory;
            Ids["1"] = await StatisticsPosts.AddAsync(f, "tk-1", "Nguyễn Văn An", 0, publishedAt: StatisticsPosts.VnTime(2026, 3, 10));
            // A title a spreadsheet would run as a formula if it were written as one.
            Ids["2"] = await StatisticsPosts.AddAsync(f, "tk-2", "Nguyễn Văn An", 0, publishedAt: StatisticsPosts.VnTime(2026, 3, 20), title: FormulaTitle);
            Ids["3"] = await StatisticsPosts.AddAsync(f, "tk-3", "Nguyễn Văn An", 1, PublicationStatus.Draft, createdAt: StatisticsPosts.VnTime(2026, 5, 2));
            Ids["4"] = await StatisticsPosts.AddAsync(f, "tk-4", "Trần Thị Bình", 1, publishedAt: StatisticsPosts.VnTime(2026, 5, 15));
            // 31/12/2025 23:30 in Vietnam is still 2025 there (16:30 UTC).
            Ids["5"] = await StatisticsPosts.AddAsync(f, "tk-5", "Trần Thị Bình", 0, publishedAt: StatisticsPosts.VnTime(2025, 12, 31, 23).AddMinutes(30));
            Ids["6"] = await StatisticsPosts.AddAsync(f, "tk-6", "Trần Thị Bình", 1, PublicationStatus.Scheduled, publishedAt: StatisticsPosts.VnTime(2027, 1, 5));
            await StatisticsPosts.AddViewsAsync(f, new()
            {
                [new PostViewKey("tk-1", new DateOnly(2026, 3, 11))] = 5,
                [new PostViewKey("tk-1", new DateOnly(2026, 4, 1))] = 3,
                [new PostViewKey("tk-4", new DateOnly(2026, 5, 15))] = 7,
                [new PostViewKey("tk-5", new DateOnly(2026, 1, 2))] = 4,
                [new PostViewKey("tk-5", new DateOnly(2025, 12, 31))] = 100,
            });
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private const string FormulaTitle = "=HYPERLINK(\"http://example.com\",\"Bài tk-2\")";

    private PortalFactory F => fixture.Factory;

    private static Dictionary<string, string[]> Table(string html, string id) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll($"table#{id} tbody tr")
            .Where(tr => tr.QuerySelector("th") is not null)
            .ToDictionary(tr => tr.QuerySelector("th")!.TextContent.Trim(), tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());

    [Fact]
    public async Task The_tables_count_posts_by_author_category_month_and_state_with_their_views()
    {
        var editor = await F.EditorAsync();
        var response = await editor.GetAsync("/quan-tri/thong-ke-tin-bai");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        string[] categories;
        using (var scope = F.Services.CreateScope())
            categories = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.OrderBy(c => c.Id).Select(c => c.Name).Take(2).ToArrayAsync();

        // Posts, published, views: a post counts by its date in the period, views by the day they were read.
        Assert.Equal(new Dictionary<string, string[]> { ["Nguyễn Văn An"] = ["3", "2", "8"], ["Trần Thị Bình"] = ["1", "1", "11"] }, Table(html, "stats-author"));
        Assert.Equal(new Dictionary<string, string[]> { [categories[0]] = ["2", "2", "12"], [categories[1]] = ["2", "1", "7"] }, Table(html, "stats-category"));
        var months = Table(html, "stats-month");
        Assert.Equal(12, months.Count);
        Assert.Equal(["0", "0", "4"], months["01/2026"]);
        Assert.Equal(["2", "2", "5"], months["03/2026"]);
        Assert.Equal(["0", "0", "3"], months["04/2026"]);
        Assert.Equal(["2", "1", "7"], months["05/2026"]);
        Assert.Equal(["0", "0", "0"], months["12/2026"]);
        Assert.Equal(new Dictionary<string, string[]> { ["Bản nháp"] = ["1", "0", "0"], ["Đã đăng"] = ["3", "3", "19"] }, Table(html, "stats-status"));
        var top = Table(html, "stats-top");
        Assert.Equal(["Bài tk-1", "Bài tk-4", "Bài tk-5"], top.Keys);
        Assert.Equal("8", top["Bài tk-1"][^1]);

        // March only: Bình wrote nothing then and was not read.
        html = await editor.GetStringAsync("/quan-tri/thong-ke-tin-bai?tu-thang=2026-03&den-thang=2026-03");
        Assert.Equal(new Dictionary<string, string[]> { ["Nguyễn Văn An"] = ["2", "2", "5"] }, Table(html, "stats-author"));
    }

    [Theory]
    [InlineData("tu-thang=2026-13", "Tháng bắt đầu không hợp lệ")]
    [InlineData("tu-thang=2026-05&den-thang=2026-02", "Tháng kết thúc phải sau hoặc bằng tháng bắt đầu")]
    [InlineData("tu-thang=2000-01&den-thang=2026-12", "tối đa 10 năm")]
    public async Task A_bad_period_is_refused_with_a_message(string query, string message)
    {
        var editor = await F.EditorAsync();
        foreach (var handler in new[] { "", "handler=Export&" })
        {
            var response = await editor.GetAsync($"/quan-tri/thong-ke-tin-bai?{handler}{query}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_export_holds_every_table_and_one_row_per_post_and_is_audited()
    {
        var editor = await F.EditorAsync();
        var response = await editor.GetAsync("/quan-tri/thong-ke-tin-bai?handler=Export&tu-thang=2026-01&den-thang=2026-12");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("thong-ke-tin-bai-2026-01-2026-12.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);

        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Theo tác giả", "Theo chuyên mục", "Theo tháng", "Theo trạng thái", "Xem nhiều nhất", "Danh sách bài"], book.Worksheets.Select(s => s.Name));
        var authors = book.Worksheet("Theo tác giả");
        Assert.Equal("Nguyễn Văn An", authors.Cell(2, 1).GetString());
        Assert.Equal(8, authors.Cell(2, 4).GetValue<int>());

        var posts = book.Worksheet("Danh sách bài");
        Assert.Equal(["Mã bài", "Tiêu đề", "Tác giả", "Chuyên mục", "Trạng thái", "Ngày đăng", "Lượt xem trong kỳ"],
            posts.Row(1).CellsUsed().Select(c => c.GetString()));
        var rows = posts.RowsUsed().Skip(1).ToDictionary(r => r.Cell(2).GetString());
        // Every post of the period and every post read in it; not the one scheduled for 2027.
        Assert.Equal([FormulaTitle, "Bài tk-1", "Bài tk-3", "Bài tk-4", "Bài tk-5"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.False(rows[FormulaTitle].Cell(2).HasFormula);
        Assert.Equal(fixture.Ids["1"], rows["Bài tk-1"].Cell(1).GetValue<int>());
        Assert.Equal("Nguyễn Văn An", rows["Bài tk-1"].Cell(3).GetString());
        Assert.Equal("Đã đăng", rows["Bài tk-1"].Cell(5).GetString());
        Assert.Equal(new DateTime(2026, 3, 10), rows["Bài tk-1"].Cell(6).GetDateTime());
        Assert.Equal(8, rows["Bài tk-1"].Cell(7).GetValue<int>());
        Assert.Equal("Bản nháp", rows["Bài tk-3"].Cell(5).GetString());
        Assert.True(rows["Bài tk-3"].Cell(6).IsEmpty());
        Assert.Equal(4, rows["Bài tk-5"].Cell(7).GetValue<int>());

        using var scope = F.Services.CreateScope();
        var entry = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries
            .Where(e => e.Action == AuditActions.Exported && e.Target == "NewsStatistics").SingleAsync();
        Assert.Equal(PortalFactory.EditorEmail, entry.UserName);
        Assert.Contains("01/2026 – 12/2026", entry.Summary);
    }
}
