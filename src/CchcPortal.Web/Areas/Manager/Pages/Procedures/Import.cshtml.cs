using CchcPortal.Core.Procedures;
using CchcPortal.Web.Infrastructure;
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
        var (bytes, error) = await UploadReader.ReadAsync(
            Upload, "Vui lòng chọn tệp JSON/JSONL (có thể nén .gz) hoặc danh sách thủ tục Excel/CSV.", MaxBytes, ct: ct);
        if (error is not null) ModelState.AddModelError(nameof(Upload), error);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Report = await importer.ImportAsync(bytes!, ActorName, ct);
        if (!Report.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
