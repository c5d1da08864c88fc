using CchcPortal.Core.Agencies;
using CchcPortal.Core.Common;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Agencies;

public sealed class ImportModel(AgencyImporter importer) : ManagerPageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;
    [BindProperty] public IFormFile? Upload { get; set; }
    public ImportReport? Report { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (bytes, error) = await UploadReader.ReadAsync(Upload, "Vui lòng chọn tệp CSV hoặc Excel (.xlsx).", MaxBytes, ct: ct);
        if (bytes is null)
        {
            ModelState.AddModelError(nameof(Upload), error!);
            return Invalid();
        }
        Report = await importer.ImportAsync(bytes, ct);
        return Report.Succeeded ? Page() : Invalid();
    }

    private IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
