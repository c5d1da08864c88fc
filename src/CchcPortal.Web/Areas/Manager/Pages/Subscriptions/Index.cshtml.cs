using CchcPortal.Core.Audit;
using CchcPortal.Core.Common;
using CchcPortal.Core.Subscriptions;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Subscriptions;

/// <summary>
/// The subscriber list for administrators: counts per topic and state only. The CSV export (the only place the
/// addresses leave the database) needs a typed reason, logged with who, when and how many rows.
/// </summary>
public sealed class IndexModel(SubscriptionStatistics statistics, AuditLog log, TimeProvider time) : ManagerPageModel
{
    public const int MinReasonLength = 10;

    [BindProperty] public string? Reason { get; set; }
    public IReadOnlyList<TopicCount> Counts { get; private set; } = [];
    public IReadOnlyDictionary<TopicKind, int> Left { get; private set; } = new Dictionary<TopicKind, int>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        var reason = (Reason ?? "").Trim();
        if (reason.Length < MinReasonLength || reason.Length > 500)
        {
            ModelState.AddModelError(nameof(Reason), $"Hãy ghi lý do trích xuất danh sách (từ {MinReasonLength} đến 500 ký tự), ví dụ: “Trả lời yêu cầu của chủ thể dữ liệu theo Nghị định 13/2023/NĐ-CP”.");
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var rows = await statistics.ExportRowsAsync(ct);
        var file = TabularFile.WriteCsv(SubscriptionStatistics.ExportHeaders, rows, neutraliseFormulas: true);
        await log.RecordAsync(AuditActions.Exported, "Subscriptions", $"Xuất danh sách đăng ký nhận tin ra CSV ({rows.Count:N0} dòng). Lý do: {reason}", ct: ct);
        Response.Headers.CacheControl = "no-store";
        return File(file, "text/csv; charset=utf-8", $"dang-ky-nhan-tin-{VnFormat.ToLocal(time.GetUtcNow().UtcDateTime):yyyyMMdd-HHmm}.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Counts = await statistics.PerTopicAsync(ct);
        Left = await statistics.LeftAsync(ct);
    }
}
