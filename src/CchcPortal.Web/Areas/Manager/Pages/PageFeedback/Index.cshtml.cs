using System.Globalization;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Common;
using CchcPortal.Core.PageFeedback;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Areas.Manager.Pages.PageFeedback;

/// <summary>
/// "Trang này có hữu ích không?" for editors: the share of "Có" per page and per item (a procedure's votes together,
/// whatever path), worst first among rows with enough votes, filtered by kind and period, exported to CSV (counts only).
/// </summary>
public sealed class IndexModel(PageFeedbackReport report, AuditLog log, TimeProvider time) : ManagerPageModel
{
    public const int DefaultMinVotes = 3;

    [FromQuery(Name = "loai")] public string? Kind { get; set; }
    [FromQuery(Name = "tu-ngay")] public string? FromText { get; set; }
    [FromQuery(Name = "den-ngay")] public string? ToText { get; set; }
    [FromQuery(Name = "it-nhat")] public int MinVotes { get; set; } = DefaultMinVotes;
    [FromQuery(Name = "sap-xep")] public FeedbackSort Sort { get; set; }

    public IReadOnlyList<FeedbackRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Validate() is not { } filter) return Invalid();
        Rows = await report.RowsAsync(filter, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (Validate() is not { } filter) return Invalid();
        var rows = await report.RowsAsync(filter, ct);
        var file = TabularFile.WriteCsv(PageFeedbackReport.ExportHeaders, PageFeedbackReport.ExportRows(rows), neutraliseFormulas: true);
        await log.RecordAsync(AuditActions.Exported, "PageFeedback", $"Xuất ý kiến về trang ra CSV ({rows.Count:N0} dòng)", ct: ct);
        return File(file, "text/csv; charset=utf-8", $"y-kien-trang-{VnFormat.ToLocal(time.GetUtcNow().UtcDateTime):yyyyMMdd-HHmm}.csv");
    }

    public string ExportHref => ListQuery.Url(Request.Path + "", ("handler", "Export"), ("loai", Kind), ("tu-ngay", FromText), ("den-ngay", ToText),
        ("it-nhat", MinVotes.ToString(CultureInfo.InvariantCulture)), ("sap-xep", Sort.ToString()));

    public static string CommentsHref(FeedbackRow row) => row.ItemId is { } id
        ? ListQuery.Url(CommentsModel.Path, ("loai", row.Kind), ("id", id.ToString(CultureInfo.InvariantCulture)))
        : ListQuery.Url(CommentsModel.Path, ("duong-dan", row.Path));

    /// <summary>The filter, or null with the reasons in ModelState.</summary>
    private FeedbackFilter? Validate()
    {
        var from = ParseDate(FromText, nameof(FromText), "Ngày bắt đầu");
        var to = ParseDate(ToText, nameof(ToText), "Ngày kết thúc");
        if (from is { } f && to is { } t && t < f) ModelState.AddModelError(nameof(ToText), "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.");
        if (Kind is { Length: > 0 } && !PageFeedbackReport.Kinds.Contains(Kind)) ModelState.AddModelError(nameof(Kind), "Loại trang đã chọn không có trong danh sách.");
        if (MinVotes is < 1 or > 100_000) ModelState.AddModelError(nameof(MinVotes), "Số lượt tối thiểu phải từ 1 đến 100.000.");
        if (!Enum.IsDefined(Sort)) ModelState.AddModelError(nameof(Sort), "Cách sắp xếp không hợp lệ.");
        return ModelState.IsValid ? new FeedbackFilter(Kind is { Length: > 0 } ? Kind : null, from, to, MinVotes, Sort) : null;
    }

    private DateOnly? ParseDate(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        ModelState.AddModelError(field, $"{label} không hợp lệ, vui lòng chọn lại ngày.");
        return null;
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
