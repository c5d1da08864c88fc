using System.Globalization;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Common;
using CchcPortal.Core.News.Statistics;
using CchcPortal.Web.Features.News.Statistics;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.NewsStatistics;

/// <summary>The editors' statistics of a period of months (default: this year) and their Excel export, which is audited.</summary>
public sealed class IndexModel(NewsStatisticsQueries queries, AuditLog audit, TimeProvider time) : ManagerPageModel
{
    private const string MonthFormat = "yyyy-MM";

    /// <summary>Months as typed (yyyy-MM, what a month field sends), parsed here so a bad one gets a Vietnamese message.</summary>
    [FromQuery(Name = "tu-thang")] public string? FromText { get; set; }
    [FromQuery(Name = "den-thang")] public string? ToText { get; set; }

    public NewsStatisticsReport? Report { get; private set; }
    public MonthPeriod Period { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!TryReadPeriod()) return Invalid();
        Report = await queries.ReportAsync(Period, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!TryReadPeriod()) return Invalid();
        var report = await queries.ReportAsync(Period, ct);
        var file = NewsStatisticsWorkbook.Write(report);
        await audit.RecordAsync(AuditActions.Exported, "NewsStatistics",
            $"Xuất thống kê tin bài ra XLSX ({Describe(Period)}; {report.Posts.Count:N0} bài)", ct: ct);
        return File(file, NewsStatisticsWorkbook.ContentType, $"thong-ke-tin-bai-{Period.From:yyyy-MM}-{Period.To:yyyy-MM}.xlsx");
    }

    public static string Describe(MonthPeriod p) => p.From == p.To ? $"tháng {p.From:MM/yyyy}" : $"tháng {p.From:MM/yyyy} – {p.To:MM/yyyy}";

    public string ExportHref =>
        $"{NewsStatisticsFeature.Path}?handler=Export&tu-thang={Period.From.ToString(MonthFormat, CultureInfo.InvariantCulture)}&den-thang={Period.To.ToString(MonthFormat, CultureInfo.InvariantCulture)}";

    private bool TryReadPeriod()
    {
        var year = MonthPeriod.YearOf(DateOnly.FromDateTime(VnFormat.ToLocal(time.GetUtcNow().UtcDateTime)));
        var from = ParseMonth(FromText);
        var to = ParseMonth(ToText);
        Period = new MonthPeriod(from ?? year.From, to ?? year.To);
        if (!string.IsNullOrWhiteSpace(FromText) && from is null) ModelState.AddModelError(nameof(FromText), "Tháng bắt đầu không hợp lệ, hãy chọn lại (tháng/năm).");
        if (!string.IsNullOrWhiteSpace(ToText) && to is null) ModelState.AddModelError(nameof(ToText), "Tháng kết thúc không hợp lệ, hãy chọn lại (tháng/năm).");
        if (ModelState.IsValid && Period.To < Period.From) ModelState.AddModelError(nameof(ToText), "Tháng kết thúc phải sau hoặc bằng tháng bắt đầu.");
        if (ModelState.IsValid && Period.Months > MonthPeriod.MaxMonths) ModelState.AddModelError(nameof(ToText), $"Chỉ xem được tối đa {MonthPeriod.MaxMonths / 12} năm một lần.");
        return ModelState.IsValid;
    }

    private IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 2000 ? d : null;
}
