using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Data;
using CchcPortal.Core.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>/hoi-dap/thong-ke: "tiếp nhận" counts accepted cases only; the median answer time is the answer list's own figure.</summary>
public class QuestionStatisticsTests
{
    private static DateTime Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static async Task SeedAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var agency = (await db.Agencies.SingleAsync(a => a.Slug == "so-tu-phap")).Id;
        var n = 0;
        QuestionCase Case(CaseStatus status, DateTime submitted, DateTime? answered = null) => new()
        {
            Code = $"HD-2026-9{++n:00000}", Title = $"Câu hỏi thử {n}", Content = "Nội dung", PublicContent = "Nội dung", Status = status,
            SubmittedAt = submitted, ModerationDue = DateOnly.FromDateTime(submitted).AddDays(3),
            AgencyId = status is CaseStatus.Submitted or CaseStatus.Rejected ? null : agency, AnswerDue = DateOnly.FromDateTime(submitted).AddDays(20),
            AnsweredAt = answered, IsPublished = answered is not null, AnswerHtml = answered is null ? "" : "<p>Trả lời</p>", SignedBy = "Giám đốc",
        };
        db.QuestionCases.AddRange(
            Case(CaseStatus.Answered, Utc(3, 2, 1), Utc(3, 4, 3)),    // 2.08 days: "sau 3 ngày"
            Case(CaseStatus.Answered, Utc(4, 1, 2), Utc(4, 8, 1)),    // 6.96 days: 7
            Case(CaseStatus.Answered, Utc(5, 10, 2), Utc(5, 11, 2)),  // 1
            Case(CaseStatus.Answered, Utc(6, 1, 2), Utc(6, 13, 2)),   // 12
            Case(CaseStatus.Assigned, Utc(7, 2, 2)),
            Case(CaseStatus.Submitted, Utc(7, 1, 2)),                 // sent, not yet accepted
            Case(CaseStatus.Rejected, Utc(7, 3, 2)),
            Case(CaseStatus.Withdrawn, Utc(7, 4, 2)));
        await db.SaveChangesAsync();
    }

    private static string Card(AngleSharp.Dom.IDocument page, string words) =>
        page.QuerySelectorAll(".index-cards li").Single(li => li.TextContent.Contains(words)).QuerySelector(".big-number")!.TextContent.Trim();

    [Fact]
    public async Task A_case_not_yet_accepted_is_counted_as_pending_not_as_received()
    {
        using var factory = new PortalFactory();
        await SeedAsync(factory);

        var page = new HtmlParser().ParseDocument(await factory.Anonymous().GetStringAsync("/hoi-dap/thong-ke?nam=2026"));

        Assert.Equal("5", Card(page, "được tiếp nhận"));
        Assert.Equal("1", Card(page, "chờ tiếp nhận"));
        Assert.Equal("1", Card(page, "không tiếp nhận"));
        Assert.Equal("1", Card(page, "người gửi đã rút"));
        var july = page.QuerySelectorAll("table.data-table tbody tr").First(r => r.QuerySelector("th")!.TextContent == "7");
        Assert.Equal(["1", "1", "0"], july.QuerySelectorAll("td").Select(td => td.TextContent.Trim())); // pending, received, answered
        var agency = page.QuerySelectorAll("table.data-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Sở Tư pháp tỉnh Đắk Lắk");
        Assert.Equal("5", agency.QuerySelectorAll("td").First().TextContent.Trim());
        Assert.DoesNotContain(page.QuerySelectorAll("table.data-table tbody tr th"), th => th.TextContent == "Chưa chuyển cơ quan");
    }

    [Fact]
    public async Task The_median_answer_time_is_the_median_of_what_the_answer_list_shows()
    {
        using var factory = new PortalFactory();
        await SeedAsync(factory);
        var client = factory.Anonymous();

        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/hoi-dap/da-tra-loi"));
        var shown = Regex.Matches(list, @"sau (\d+) ngày").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal([1, 3, 7, 12], shown);

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/hoi-dap/thong-ke?nam=2026"));
        var median = page.QuerySelector("#median")!;
        Assert.Equal("5", median.QuerySelector(".big-number")!.TextContent.Trim()); // (3 + 7) / 2; on fractional days it was 4,5
        Assert.Contains("Thời gian trả lời trung vị: 5 ngày, tính từ ngày gửi câu hỏi đến ngày trả lời", Regex.Replace(median.TextContent, @"\s+", " "));
    }
}
