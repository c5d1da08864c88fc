using CchcPortal.Core.StaticPages;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.StaticPages;

public sealed class EditModel(StaticPageService pages) : ManagerPageModel
{
    [BindProperty] public StaticPageInput Input { get; set; } = new();
    public StaticPage Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var page = await pages.ByIdAsync(id, ct);
        if (page is null) return NotFound();
        Item = page;
        Input = new StaticPageInput { Title = page.Title, BodyHtml = page.BodyHtml, ShowInFooter = page.ShowInFooter, SortOrder = page.SortOrder };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await pages.UpdateAsync(id, Input, ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input.");
            Item = (await pages.ByIdAsync(id, ct))!;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Flash("Đã lưu trang.");
        return RedirectToPage(new { id });
    }
}
