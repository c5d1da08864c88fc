using CchcPortal.Web.Infrastructure;
using CchcPortal.Core.Common;
using CchcPortal.Core.Media;
using CchcPortal.Web.Features.Media;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Media;

/// <summary>The media library: search by name, title or alt text (with or without diacritics), and upload.</summary>
public sealed class IndexModel(MediaLibrary library) : ManagerPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "loai")] public MediaKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang")] public int PageNumber { get; set; } = 1;
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? AltText { get; set; }
    public PagedResult<MediaItem> Items { get; private set; } = new([], 1, MediaLibrary.PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct) => Items = await library.SearchAsync(Query, Kind, ListQuery.Page(PageNumber), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await library.UploadAsync(Upload, Title, AltText, ActorName, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            Items = await library.SearchAsync(Query, Kind, ListQuery.Page(PageNumber), ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Flash($"Đã tải lên “{result.Value!.FileName}”.");
        return RedirectToPage("Edit", new { id = result.Value.Id });
    }

    public string PageUrl(int page) => $"/quan-tri/thu-vien?q={Uri.EscapeDataString(Query ?? "")}&loai={Kind}&trang={page}";
}
