using CchcPortal.Core.Agencies;
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
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Vui lòng chọn tệp CSV hoặc Excel (.xlsx).");
            return Invalid();
        }
        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Tệp quá lớn: tối đa 5 MB.");
            return Invalid();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        Report = await importer.ImportAsync(buffer.ToArray(), ct);
        return Report.Succeeded ? Page() : Invalid();
    }

    private IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
