using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Media;
using CchcPortal.Media.Storage;
using CchcPortal.Media.Videos;
using CchcPortal.Web.Features.Media;
using CchcPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Features.RichText;

/// <summary>What the video upload form sends: the MP4, its required title, optional captions and poster.</summary>
public sealed record VideoUploadInput(IFormFile? Video, string? Title, IFormFile? Captions, IFormFile? Poster, string? PosterUrl);

/// <summary>The stored video, or the field, message and HTTP status that say why not (nothing is kept then).</summary>
public sealed record VideoUploadResult(MediaItem? Item, string Field = "", string Error = "", int Status = StatusCodes.Status200OK)
{
    public static VideoUploadResult Refused(string field, string error, int status = StatusCodes.Status422UnprocessableEntity) => new(null, field, error, status);
}

/// <summary>
/// Adds an MP4 to the media library (MediaKind.Video): checked by content (Mp4Inspector) and size, streamed to disk
/// and renamed into place whole; with its WebVTT captions (checked) and a poster, an image of the library or one
/// uploaded with it. The title is required: it names the player for screen readers and is its caption.
/// </summary>
public sealed class VideoUploads(PortalDbContext db, MediaStore store, MediaLibrary library, IOptions<VideoOptions> options)
{
    public async Task<VideoUploadResult> UploadAsync(VideoUploadInput input, string user, CancellationToken ct = default)
    {
        var limits = options.Value;
        var title = VietnameseText.Normalize(input.Title);
        if (title.Length == 0) return VideoUploadResult.Refused("Title", "Vui lòng nhập tiêu đề video (người dùng trình đọc màn hình cần biết video nói về gì).");
        if (title.Length > MediaItem.MaxTitle) return VideoUploadResult.Refused("Title", ValidationErrors.TooLong("Tiêu đề", MediaItem.MaxTitle));
        if (input.Video is not { Length: > 0 } video) return VideoUploadResult.Refused("Video", "Vui lòng chọn tệp video MP4.");
        if (video.Length > limits.MaxUploadBytes)
            return VideoUploadResult.Refused("Video", UploadReader.TooLarge(limits.MaxUploadBytes), StatusCodes.Status413PayloadTooLarge);

        string? captions = null;
        if (input.Captions is { Length: > 0 } captionsFile)
        {
            if (captionsFile.Length > limits.MaxCaptionsBytes)
                return VideoUploadResult.Refused("Captions", $"Tệp phụ đề quá lớn: tối đa {limits.MaxCaptionsKilobytes} KB.", StatusCodes.Status413PayloadTooLarge);
            var (bytes, _) = await UploadReader.ReadAsync(captionsFile, "", ct: ct);
            (captions, var captionsError) = WebVttCheck.Check(bytes!, limits.MaxCaptionsBytes);
            if (captions is null) return VideoUploadResult.Refused("Captions", captionsError!);
        }
        var posterUrl = input.PosterUrl?.Trim() is { Length: > 0 } chosen ? chosen : null;
        if (posterUrl is not null && !await db.MediaItems.AnyAsync(m => m.Url == posterUrl && m.Kind == MediaKind.Image, ct))
            return VideoUploadResult.Refused("PosterUrl", "Ảnh đại diện phải là một ảnh của thư viện (dán đường dẫn /media/images/... của ảnh).");

        var (videoPath, videoUrl) = store.NewFile("videos", ".mp4");
        await using (var upload = video.OpenReadStream())
        {
            var (info, error) = await AtomicFile.WriteCheckedAsync(videoPath, upload, file =>
            {
                var inspected = Mp4Inspector.Inspect(file);
                return (inspected, inspected.Info is not null);
            }, ct);
            if (info is null) return VideoUploadResult.Refused("Video", error!, StatusCodes.Status415UnsupportedMediaType);
            var stored = new StoredMedia(videoUrl, "video/mp4", video.Length);

            if (input.Poster is { Length: > 0 } posterFile)
            {
                var (poster, posterError) = await store.SaveImageAsync(posterFile.OpenReadStream(), posterFile.Length, ct);
                if (poster is null)
                {
                    store.Delete(videoUrl);
                    return VideoUploadResult.Refused("Poster", "Ảnh đại diện: " + posterError);
                }
                posterUrl = (await library.RegisterAsync(poster, MediaKind.Image, posterFile.FileName, $"Ảnh đại diện video: {title}", title, user, ct)).Url;
            }
            string? captionsUrl = null;
            if (captions is not null)
            {
                (var captionsPath, captionsUrl) = store.NewFile("captions", ".vtt");
                await AtomicFile.WriteAllBytesAsync(captionsPath, System.Text.Encoding.UTF8.GetBytes(captions), ct);
            }

            var item = await library.RegisterAsync(stored, MediaKind.Video, video.FileName, title, null, user, ct);
            var tracked = await db.MediaItems.FirstAsync(m => m.Id == item.Id, ct);
            (tracked.Width, tracked.Height, tracked.PosterUrl, tracked.CaptionsUrl) = (info.Width, info.Height, posterUrl, captionsUrl);
            await db.SaveChangesAsync(ct);
            return new VideoUploadResult(tracked);
        }
    }
}
