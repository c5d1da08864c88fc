using CchcPortal.Core.Contests;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Contests;

public sealed class EditModel(ContestService contests) : ManagerPageModel
{
    [BindProperty] public ContestInput Input { get; set; } = new();
    public Contest? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } contestId)
        {
            Existing = await contests.FindAsync(contestId, ct);
            if (Existing is null) return NotFound();
            Input = ContestInput.From(Existing);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var result = await contests.SaveAsync(id, Input, ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input.");
            if (id is { } existingId) Existing = await contests.FindAsync(existingId, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Flash($"Đã lưu cuộc thi {result.Value!.Title}.");
        return RedirectToPage(new { id = result.Value.Id });
    }
}
