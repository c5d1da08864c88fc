using CchcPortal.Core.Settings;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Settings;

public sealed class IndexModel(SiteSettingsService settings) : ManagerPageModel
{
    [BindProperty] public SiteSettings Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Input = await settings.GetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await settings.UpdateAsync(Input, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Flash("Đã lưu cài đặt.");
        return RedirectToPage();
    }
}
