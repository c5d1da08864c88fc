using CchcPortal.Core.Common;
using CchcPortal.Core.Indices;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Indices;

public sealed class IndexModel(IndexService service, IndexImporter importer) : ManagerPageModel
{
    public IReadOnlyList<(IndexYear Year, int Results, int SampleResults)> Years { get; private set; } = [];
    public ImportReport? Report { get; private set; }
    [BindProperty] public string? ImportIndex { get; set; }
    [BindProperty] public int ImportYear { get; set; }
    [BindProperty] public string ImportScope { get; set; } = IndexScopes.Departments;
    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Years = await service.YearsAsync(ct);

    public async Task<IActionResult> OnPostPublishAsync(int id, bool published, CancellationToken ct)
    {
        if (!await service.SetPublishedAsync(id, published, ct)) return NotFound();
        Flash(published ? "Đã công bố năm chỉ số." : "Đã gỡ năm chỉ số khỏi cổng thông tin.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteSampleAsync(CancellationToken ct)
    {
        var removed = await service.DeleteSampleDataAsync(ct);
        Flash($"Đã xóa {removed} kết quả là dữ liệu mẫu.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var (bytes, error) = await UploadReader.ReadAsync(Upload, "Vui lòng chọn tệp CSV hoặc Excel.", ct: ct);
        if (error is not null) ModelState.AddModelError(nameof(Upload), error);
        if (string.IsNullOrWhiteSpace(ImportIndex)) ModelState.AddModelError(nameof(ImportIndex), "Vui lòng chọn chỉ số.");
        if (ModelState.IsValid)
        {
            Report = await importer.ImportAsync(ImportIndex!, ImportYear, ImportScope, bytes!, ct: ct);
            if (Report.Succeeded) Flash($"Đã nhập: thêm {Report.Added}, cập nhật {Report.Updated} kết quả.");
        }
        Years = await service.YearsAsync(ct);
        if (!ModelState.IsValid || Report is { Succeeded: false }) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
