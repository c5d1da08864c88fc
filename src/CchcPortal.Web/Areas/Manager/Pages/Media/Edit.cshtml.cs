using CchcPortal.Core.Media;
using CchcPortal.Web.Features.Media;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Media;

/// <summary>One file: its description, where it is used, replace it, delete it (refused while in use).</summary>
public sealed class EditModel(MediaLibrary library) : ManagerPageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? AltText { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    public MediaItem Item { get; private set; } = null!;
    public IReadOnlyList<MediaUse> Uses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        (Title, AltText) = (Item.Title, Item.AltText);
        return Page();
    }

    public async Task<IActionResult> OnPostDescribeAsync(int id, CancellationToken ct)
    {
        var result = await library.DescribeAsync(id, Title, AltText, ct);
        return await DoneAsync(id, result.NotFound, result.Errors, "Đã lưu mô tả.", ct);
    }

    public async Task<IActionResult> OnPostReplaceAsync(int id, CancellationToken ct)
    {
        var result = await library.ReplaceAsync(id, Upload, ActorName, ct);
        return await DoneAsync(id, result.NotFound, result.Errors, "Đã thay tệp; các trang dùng tệp này đã được cập nhật.", ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var (deleted, uses) = await library.DeleteAsync(id, ct);
        if (deleted) { Flash("Đã xóa tệp."); return RedirectToPage("Index"); }
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.AddModelError("", $"Không xóa được: tệp đang được dùng ở {uses.Count} nơi (danh sách bên dưới). Hãy bỏ tệp khỏi các trang đó trước.");
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<IActionResult> DoneAsync(int id, bool notFound, Core.Common.ValidationErrors errors, string message, CancellationToken ct)
    {
        if (notFound) return NotFound();
        if (!errors.Any) { Flash(message); return RedirectToPage(new { id }); }
        AddErrors(errors);
        if (!await LoadAsync(id, ct)) return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await library.GetAsync(id, ct) is not { } item) return false;
        Item = item;
        Uses = await library.UsesAsync(item, ct);
        return true;
    }
}
