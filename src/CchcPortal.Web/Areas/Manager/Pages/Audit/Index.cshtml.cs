using System.Globalization;
using System.Text.Json;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Common;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Audit;

/// <summary>The audit log for administrators: newest first, filtered, paged, exported to CSV. Nothing here changes it.</summary>
public sealed class IndexModel(AuditQueries queries, AuditLog log, TimeProvider time) : ManagerPageModel
{
    /// <summary>Dates as typed (yyyy-MM-dd, what a date field sends), parsed here so a bad one gets a Vietnamese message.</summary>
    [FromQuery(Name = "tu-ngay")] public string? FromText { get; set; }
    [FromQuery(Name = "den-ngay")] public string? ToText { get; set; }
    [FromQuery(Name = "tai-khoan")] public string? Account { get; set; }
    [FromQuery(Name = "hanh-dong")] public string? Action { get; set; }
    [FromQuery(Name = "doi-tuong")] public string? Target { get; set; }
    [FromQuery(Name = "dia-chi")] public string? Address { get; set; }
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;

    public PagedResult<AuditEntry> Result { get; private set; } = null!;
    public DateOnly? From => ParseDate(FromText);
    public DateOnly? To => ParseDate(ToText);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private AuditFilter Filter => new(From, To, Account, Action, Target, Address);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Invalid() is { } invalid) return invalid;
        Result = await queries.ListAsync(Filter, ListQuery.Page(PageNumber), ct);
        return Page();
    }

    /// <summary>The filtered list as CSV (UTF-8 with BOM; cells that a spreadsheet would run as formulas are neutralised). The export is itself logged.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (Invalid() is { } invalid) return invalid;
        var entries = await queries.ExportAsync(Filter, ct);
        string[] headers = ["Thời điểm (giờ Việt Nam)", "Tài khoản", "Mã tài khoản", "Địa chỉ", "Hành động", "Mã hành động", "Đối tượng", "Mô tả", "Thay đổi"];
        var rows = entries.Select(e => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            [headers[0]] = VnFormat.ToLocal(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            [headers[1]] = e.UserName, [headers[2]] = e.UserId ?? "", [headers[3]] = e.Address,
            [headers[4]] = AuditActions.Label(e.Action), [headers[5]] = e.Action, [headers[6]] = e.Target,
            [headers[7]] = e.Summary, [headers[8]] = e.Changes,
        });
        var file = TabularFile.WriteCsv(headers, rows, neutraliseFormulas: true);
        await log.RecordAsync(AuditActions.Exported, "AuditLog", $"Xuất nhật ký hệ thống ra CSV ({entries.Count:N0} dòng; bộ lọc: {Describe()})", ct: ct);
        return File(file, "text/csv; charset=utf-8", $"nhat-ky-he-thong-{VnFormat.ToLocal(time.GetUtcNow().UtcDateTime):yyyyMMdd-HHmm}.csv");
    }

    /// <summary>A date range ending before it starts, or an action that does not exist, is refused with a message.</summary>
    private IActionResult? Invalid()
    {
        var valid = true;
        void Refuse(string field, string message)
        {
            ModelState.AddModelError(field, message);
            valid = false;
        }
        if (!string.IsNullOrWhiteSpace(FromText) && From is null) Refuse(nameof(FromText), "Ngày bắt đầu không hợp lệ, vui lòng chọn lại ngày.");
        if (!string.IsNullOrWhiteSpace(ToText) && To is null) Refuse(nameof(ToText), "Ngày kết thúc không hợp lệ, vui lòng chọn lại ngày.");
        if (From is { } from && To is { } to && to < from) Refuse(nameof(ToText), "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.");
        if (!string.IsNullOrEmpty(Action) && AuditActions.Labels.All(a => a.Action != Action))
            Refuse(nameof(Action), "Hành động đã chọn không có trong danh sách.");
        if (valid) return null;
        Result = new PagedResult<AuditEntry>([], 1, AuditQueries.PageSize, 0);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private string Describe()
    {
        var parts = new List<string>();
        if (From is { } from) parts.Add($"từ {from:dd/MM/yyyy}");
        if (To is { } to) parts.Add($"đến {to:dd/MM/yyyy}");
        if (!string.IsNullOrWhiteSpace(Account)) parts.Add($"tài khoản “{Account.Trim()}”");
        if (!string.IsNullOrWhiteSpace(Action)) parts.Add($"hành động “{AuditActions.Label(Action)}”");
        if (!string.IsNullOrWhiteSpace(Target)) parts.Add($"đối tượng “{Target.Trim()}”");
        if (!string.IsNullOrWhiteSpace(Address)) parts.Add($"địa chỉ “{Address.Trim()}”");
        return parts.Count == 0 ? "không" : string.Join(", ", parts);
    }

    public string PageHref(int page) => "/quan-tri/nhat-ky" + QueryString(("trang", page.ToString(CultureInfo.InvariantCulture)));

    public string ExportHref => "/quan-tri/nhat-ky" + QueryString(("handler", "Export"));

    private string QueryString(params (string Name, string Value)[] extra)
    {
        var pairs = new List<(string, string?)>
        {
            ("tu-ngay", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("den-ngay", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("tai-khoan", Account), ("hanh-dong", Action), ("doi-tuong", Target), ("dia-chi", Address),
        };
        pairs.AddRange(extra.Select(e => (e.Name, (string?)e.Value)));
        return "?" + string.Join("&", pairs.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }

    /// <summary>The changed fields of an entry, readable: field, before, after.</summary>
    public static IReadOnlyList<(string Field, string Before, string After)> ChangesOf(AuditEntry e)
    {
        if (e.Changes.Length == 0) return [];
        try
        {
            using var json = JsonDocument.Parse(e.Changes);
            return json.RootElement.EnumerateObject()
                .Select(f => (f.Name, Shown(f.Value, "before"), Shown(f.Value, "after")))
                .ToList();
        }
        catch (JsonException)
        {
            return [("", "", e.Changes)];
        }
    }

    private static string Shown(JsonElement field, string side) =>
        field.TryGetProperty(side, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => "—",
            JsonValueKind.String => v.GetString() is { Length: > 0 } s ? s : "(trống)",
            JsonValueKind.True => "có",
            JsonValueKind.False => "không",
            JsonValueKind.Array => string.Join(", ", v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : x.ToString())),
            _ => v.ToString(),
        } : "—";
}
