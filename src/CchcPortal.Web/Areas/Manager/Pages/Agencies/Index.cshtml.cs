using CchcPortal.Core.Agencies;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Common;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Agencies;

public sealed class IndexModel(AgencyQueries agencies, AgencyService service, AuditLog audit) : ManagerPageModel
{
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Agencies = await agencies.AllAsync(includeInactive: true, ct);

    public async Task<IActionResult> OnPostMoveAsync(int id, int direction, CancellationToken ct)
    {
        if (!await service.MoveAsync(id, direction, ct)) return NotFound();
        return RedirectToPage(null, null, $"co-quan-{id}");
    }

    /// <summary>CSV or XLSX export of the whole directory, in the import layout.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = (await agencies.AllAsync(includeInactive: true, ct)).Select(AgencyTable.ToRow).ToList();
        await audit.RecordAsync(AuditActions.Exported, "Agency:*", $"Xuất danh bạ cơ quan ra {(format == "xlsx" ? "XLSX" : "CSV")} ({rows.Count} cơ quan)", ct: ct);
        return format == "xlsx"
            ? File(TabularFile.WriteXlsx("Danh bạ", AgencyTable.Columns, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "danh-ba-co-quan.xlsx")
            : File(TabularFile.WriteCsv(AgencyTable.Columns, rows), "text/csv; charset=utf-8", "danh-ba-co-quan.csv");
    }
}
