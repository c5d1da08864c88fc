using System.Net;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using CchcPortal.Core.PageFeedback;
using CchcPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.PageFeedback;

/// <summary>
/// The editors' report on both providers: the share of "Có" per item and per page (grouping, period, kind, minimum
/// votes, both sorts), the notes newest first with their audited reading and "đã xử lý", and the CSV export.
/// </summary>
public abstract class PageFeedbackReportOnBothProvidersTests(PageFeedbackReportOnBothProvidersTests.Fixture fixture)
{
    public abstract class Fixture : IDisposable
    {
        public PortalFactory Factory { get; }
        protected Fixture(TestDatabase provider) => Factory = new PortalFactory(provider: provider);
        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory F => fixture.Factory;

    private async Task<T> WithDb<T>(Func<PortalDbContext, Task<T>> work)
    {
        using var scope = F.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private static PageVote Vote(string path, (string Kind, int Id)? item, bool helpful, DateOnly day, string? comment = null, bool handled = false) => new()
    {
        Path = path, Kind = item?.Kind, ItemId = item?.Id, Helpful = helpful, Day = day, Comment = comment,
        HandledAt = handled ? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) : null, HandledBy = handled ? "x" : null,
    };

    private async Task<(int Justice, string JusticeName, int Home, int Post)> SeedAsync(int year)
    {
        var (justice, justiceName, home, post) = await WithDb(async db =>
        {
            var a = await db.Agencies.Where(a => a.Slug == "so-tu-phap").Select(a => new { a.Id, a.Name }).SingleAsync();
            var h = await db.Agencies.Where(a => a.Slug == "so-thong-tin-va-truyen-thong").Select(a => a.Id).SingleAsync();
            var p = await db.Documents.Where(d => d.IsPublished).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
            return (a.Id, a.Name, h, p);
        });
        DateOnly early = new(year, 2, 1), late = new(year, 3, 20);
        var justiceItem = (ContentKinds.Agency, justice);
        await WithDb(async db =>
        {
            db.Set<PageVote>().AddRange(
                // Sở Tư pháp: in March 1 of 4 "Có" (two notes, one handled), by two paths; in February 2 more "Có".
                Vote("/co-quan/so-tu-phap", justiceItem, true, late),
                Vote("/co-quan/so-tu-phap", justiceItem, false, late, "Thiếu giờ làm việc buổi chiều"),
                Vote("/co-quan/so-tu-phap-cu", justiceItem, false, late.AddDays(1), $"Không có bản đồ đường đi {year}"),
                Vote("/co-quan/so-tu-phap", justiceItem, false, late, "Đã sửa số điện thoại", handled: true),
                Vote("/co-quan/so-tu-phap", justiceItem, true, early),
                Vote("/co-quan/so-tu-phap", justiceItem, true, early),
                // Sở Thông tin và Truyền thông: one "Không" only.
                Vote("/co-quan/so-thong-tin-va-truyen-thong", (ContentKinds.Agency, home), false, late),
                // A page that shows no single item: 4 of 5 "Có".
                Vote($"/hoi-dap-{year}", null, true, late), Vote($"/hoi-dap-{year}", null, true, late), Vote($"/hoi-dap-{year}", null, true, late),
                Vote($"/hoi-dap-{year}", null, true, late), Vote($"/hoi-dap-{year}", null, false, late),
                // A document: 3 of 3.
                Vote("/van-ban/van-ban-mau", (ContentKinds.Document, post), true, late), Vote("/van-ban/van-ban-mau", (ContentKinds.Document, post), true, late),
                Vote("/van-ban/van-ban-mau", (ContentKinds.Document, post), true, late));
            return await db.SaveChangesAsync();
        });
        return (justice, justiceName, home, post);
    }

    private async Task<IReadOnlyList<FeedbackRow>> RowsAsync(FeedbackFilter filter)
    {
        using var scope = F.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PageFeedbackReport>().RowsAsync(filter);
    }

    [Fact]
    public async Task The_share_of_yes_is_counted_per_item_and_per_page_worst_first_within_period_kind_and_minimum()
    {
        var (justice, justiceName, home, post) = await SeedAsync(2024);
        DateOnly march = new(2024, 3, 1), end = new(2024, 12, 31);

        var rows = await RowsAsync(new FeedbackFilter(From: march, To: end, MinVotes: 2));
        Assert.Equal(
            [(ContentKinds.Agency, (int?)justice, justiceName, 4, 1, 3, 2), (null, null, "/hoi-dap-2024", 5, 4, 0, 0), (ContentKinds.Document, post, rows[2].Title, 3, 3, 0, 0)],
            rows.Select(r => (r.Kind, r.ItemId, r.Title, r.Votes, r.Yes, r.Comments, r.OpenComments)).ToList());
        Assert.Equal([0.25, 0.8, 1.0], rows.Select(r => r.YesShare));
        Assert.NotEqual("/van-ban/van-ban-mau", rows[2].Title);

        // Every day of the year, a minimum of 1: Sở Thông tin và Truyền thông (0 of 1) comes first, Sở Tư pháp counts its February votes.
        rows = await RowsAsync(new FeedbackFilter(From: new(2024, 1, 1), To: end, MinVotes: 1));
        Assert.Equal([(home, 1, 0), (justice, 6, 3), (null, 5, 4), (post, 3, 3)], rows.Select(r => (r.ItemId, r.Votes, r.Yes)).ToList());

        rows = await RowsAsync(new FeedbackFilter(From: new(2024, 1, 1), To: end, Sort: FeedbackSort.MostVotes));
        Assert.Equal([justice, null, post, home], rows.Select(r => r.ItemId));

        Assert.Equal([home, justice], (await RowsAsync(new FeedbackFilter(ContentKinds.Agency, new(2024, 1, 1), end))).Select(r => r.ItemId));
        Assert.Equal(["/hoi-dap-2024"], (await RowsAsync(new FeedbackFilter(FeedbackFilter.PageKind, new(2024, 1, 1), end))).Select(r => r.Path));
        Assert.Equal([justice], (await RowsAsync(new FeedbackFilter(null, new(2024, 2, 1), new(2024, 2, 28)))).Select(r => r.ItemId));

        var csv = System.Text.Encoding.UTF8.GetString(TabularFile(await RowsAsync(new FeedbackFilter(From: march, To: end, MinVotes: 2))));
        Assert.Contains("Loại,Tiêu đề,Đường dẫn,Số lượt,Có,Không,Tỷ lệ có (%),Góp ý,Góp ý chưa xử lý", csv);
        Assert.Contains($"Cơ quan,{justiceName},/co-quan/so-tu-phap", csv);
        Assert.Contains($"Cơ quan,{justiceName},/co-quan/so-tu-phap,4,1,3,\"25,0\",3,2", csv);
        Assert.DoesNotContain("Thiếu giờ làm việc", csv);
    }

    private static byte[] TabularFile(IReadOnlyList<FeedbackRow> rows) =>
        Core.Common.TabularFile.WriteCsv(PageFeedbackReport.ExportHeaders, PageFeedbackReport.ExportRows(rows), neutraliseFormulas: true);

    [Fact]
    public async Task Editors_read_the_report_and_the_notes_newest_first_reading_is_audited_and_a_note_can_be_marked_handled()
    {
        var (justice, justiceName, _, _) = await SeedAsync(2025);
        Assert.Equal(HttpStatusCode.Redirect, (await F.Anonymous().GetAsync("/quan-tri/y-kien-trang")).StatusCode);
        var editor = await F.EditorAsync();

        var report = await editor.GetStringAsync("/quan-tri/y-kien-trang?loai=agency&tu-ngay=2025-03-01&den-ngay=2025-12-31&it-nhat=1");
        var first = new HtmlParser().ParseDocument(report).QuerySelector("table tbody tr")!;
        Assert.Contains("/co-quan/so-thong-tin-va-truyen-thong", first.InnerHtml);
        Assert.Contains(justiceName, report);
        Assert.Contains("25,0%", report);

        var bad = await editor.GetAsync("/quan-tri/y-kien-trang?tu-ngay=2025-13-45");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("Ngày bắt đầu không hợp lệ", await bad.Content.ReadAsStringAsync());

        var export = await editor.GetAsync("/quan-tri/y-kien-trang?handler=Export&loai=agency&tu-ngay=2025-03-01&den-ngay=2025-12-31&it-nhat=1");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/co-quan/so-tu-phap", await export.Content.ReadAsStringAsync());

        var viewedBefore = await WithDb(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.PageCommentsViewed));
        var notesUrl = $"/quan-tri/y-kien-trang/gop-y?loai=agency&id={justice}";
        var notes = new HtmlParser().ParseDocument(await editor.GetStringAsync(notesUrl));
        var texts = notes.QuerySelectorAll("td.page-comment").Select(td => td.TextContent.Trim()).ToList();
        // Newest first: the note of the next day, then the two of the same day (the later one first).
        Assert.Equal(["Không có bản đồ đường đi 2025", "Đã sửa số điện thoại", "Thiếu giờ làm việc buổi chiều"], texts.Take(3));
        Assert.Equal(viewedBefore + 1, await WithDb(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.PageCommentsViewed)));

        var open = await WithDb(db => db.Set<PageVote>().Where(v => v.ItemId == justice && v.Comment == "Không có bản đồ đường đi 2025").Select(v => v.Id).SingleAsync());
        var marked = await editor.PostFormAsync($"/quan-tri/y-kien-trang/gop-y?handler=Handled&vote={open}&loai=agency&id={justice}", new(), notesUrl);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var handled = await WithDb(db => db.Set<PageVote>().SingleAsync(v => v.Id == open));
        Assert.NotNull(handled.HandledAt);
        Assert.Equal(PortalFactory.EditorEmail, handled.HandledBy);
        Assert.True(await WithDb(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PageCommentHandled && e.Target == $"PageVote:{open}")));
        Assert.DoesNotContain("Không có bản đồ đường đi 2025", await editor.GetStringAsync(notesUrl + "&chua-xu-ly=true"));
    }
}

public sealed class PageFeedbackReportOnSqliteTests(PageFeedbackReportOnSqliteTests.SqliteFixture fixture)
    : PageFeedbackReportOnBothProvidersTests(fixture), IClassFixture<PageFeedbackReportOnSqliteTests.SqliteFixture>
{
    public sealed class SqliteFixture() : Fixture(TestDatabase.Sqlite);
}

public sealed class PageFeedbackReportOnPostgreSqlTests(PageFeedbackReportOnPostgreSqlTests.PostgreSqlFixture fixture)
    : PageFeedbackReportOnBothProvidersTests(fixture), IClassFixture<PageFeedbackReportOnPostgreSqlTests.PostgreSqlFixture>
{
    public sealed class PostgreSqlFixture() : Fixture(TestDatabase.PostgreSql);
}
