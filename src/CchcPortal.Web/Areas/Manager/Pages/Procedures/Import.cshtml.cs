using CchcPortal.Core.Procedures;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Procedures;

public sealed class ImportModel(ProcedureFileImport importer) : ManagerPageModel
{
    public const long MaxBytes = 50 * 1024 * 1024;
    [BindProperty] public IFormFile? Upload { get; set; }
    public ProcedureImportReport? Report { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "Vui lòng chọn tệp JSON/JSONL (có thể nén .gz) hoặc danh sách thủ tục Excel/CSV.");
        else if (Upload.Length > MaxBytes) ModelState.AddModelError(nameof(Upload), "Tệp quá lớn: tối đa 50 MB.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload!.CopyToAsync(buffer, ct);
        Report = await importer.ImportAsync(buffer.ToArray(), ActorName, ct);
        if (!Report.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
