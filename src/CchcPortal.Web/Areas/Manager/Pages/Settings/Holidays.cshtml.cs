using CchcPortal.Core.Questions;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Settings;

public sealed class HolidaysModel(HolidayService holidays) : ManagerPageModel
{
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Name { get; set; }
    public IReadOnlyList<Holiday> Holidays { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Holidays = await holidays.ListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await holidays.AddAsync(Date, Name, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            Holidays = await holidays.ListAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Flash($"Đã thêm ngày nghỉ {Date:dd/MM/yyyy}.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (!await holidays.RemoveAsync(id, ct)) return NotFound();
        Flash("Đã xóa ngày nghỉ.");
        return RedirectToPage();
    }
}
