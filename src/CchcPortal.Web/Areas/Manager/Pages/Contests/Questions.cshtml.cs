using CchcPortal.Core.Common;
using CchcPortal.Core.Contests;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Contests;

/// <summary>A contest's question bank: the list (with the right options: administrators only), the Excel import and its template.</summary>
public sealed class QuestionsModel(ContestService contests) : ManagerPageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;
    [BindProperty] public IFormFile? Upload { get; set; }
    public Contest Contest { get; private set; } = null!;
    public IReadOnlyList<ContestQuestion> Questions { get; private set; } = [];
    public ImportReport? Report { get; private set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await contests.FindAsync(id, ct) is not { } contest) return false;
        Contest = contest;
        Questions = await contests.QuestionsAsync(id, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public IActionResult OnGetTemplate() =>
        File(ContestQuestionRules.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-ngan-hang-cau-hoi.xlsx");

    public async Task<IActionResult> OnPostImportAsync(int id, CancellationToken ct)
    {
        if (await contests.FindAsync(id, ct) is null) return NotFound();
        var (bytes, error) = await UploadReader.ReadAsync(Upload, "Vui lòng chọn tệp Excel (.xlsx) hoặc CSV theo mẫu.", MaxBytes, ct: ct);
        if (bytes is null) ModelState.AddModelError(nameof(Upload), error!);
        else Report = await contests.ImportQuestionsAsync(id, bytes, ct);
        await LoadAsync(id, ct);
        if (Report?.Succeeded == true) return Page();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
