using CchcPortal.Core.Media;
using CchcPortal.Web.Features.RichText;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Areas.Manager.Pages.Media;

/// <summary>Uploads an MP4 video to the library, with its title, captions and poster.</summary>
public sealed class VideoModel(VideoUploads uploads, IOptions<VideoOptions> options) : ManagerPageModel
{
    [BindProperty] public IFormFile? Video { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public IFormFile? Captions { get; set; }
    [BindProperty] public IFormFile? Poster { get; set; }
    [BindProperty] public string? PosterUrl { get; set; }
    public VideoOptions Limits => options.Value;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await uploads.UploadAsync(new VideoUploadInput(Video, Title, Captions, Poster, PosterUrl), ActorName, ct);
        if (result.Item is null)
        {
            ModelState.AddModelError(result.Field, result.Error);
            Response.StatusCode = result.Status;
            return Page();
        }
        Flash($"Đã tải lên video “{result.Item.Title}”. Chèn vào bài viết bằng nút Video của trình soạn thảo, với đường dẫn {result.Item.Url}.");
        return RedirectToPage("Edit", new { id = result.Item.Id });
    }
}
