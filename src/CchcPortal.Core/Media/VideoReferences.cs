using AngleSharp.Html.Parser;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcPortal.Core.Media;

/// <summary>
/// The video placeholders of a body, as the editor's video dialog inserts them:
/// <c>&lt;figure data-video="LINK" data-title="TITLE"&gt;</c>, LINK being a video of the library (/media/videos/...)
/// or a link of an allowed host. Pages show them as players (VideoTransform); nothing else in a body becomes a frame.
/// </summary>
public static class VideoPlaceholder
{
    public const string Selector = "figure[data-video]", LinkAttribute = "data-video", TitleAttribute = "data-title";
    public const string LibraryPrefix = "/media/videos/";
    public const int MaxTitle = 300;
}

/// <summary>Refuses, on save, a video from a host not on the list, a library video that does not exist, or one without title.</summary>
public sealed class VideoReferenceCheck(PortalDbContext db, IOptions<VideoOptions> options)
{
    public async Task<ValidationErrors> CheckAsync(string field, string? bodyHtml, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(bodyHtml) || !bodyHtml.Contains(VideoPlaceholder.LinkAttribute, StringComparison.OrdinalIgnoreCase)) return errors;
        var body = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>").Body!;
        body.InnerHtml = bodyHtml;
        foreach (var figure in body.QuerySelectorAll(VideoPlaceholder.Selector))
        {
            var link = figure.GetAttribute(VideoPlaceholder.LinkAttribute)?.Trim() ?? "";
            var title = VietnameseText.Normalize(figure.GetAttribute(VideoPlaceholder.TitleAttribute));
            if (title.Length == 0) errors.Add(field, $"Vui lòng nhập tiêu đề cho video “{link}” (người dùng trình đọc màn hình cần biết video nói về gì).");
            else errors.MaxLength(field, title, VideoPlaceholder.MaxTitle, "Tiêu đề video");
            if (link.StartsWith(VideoPlaceholder.LibraryPrefix, StringComparison.Ordinal))
            {
                if (!await db.MediaItems.AnyAsync(m => m.Url == link && m.Kind == MediaKind.Video, ct))
                    errors.Add(field, $"Video “{link}” không có trong thư viện: hãy tải tệp MP4 lên thư viện rồi chèn lại.");
            }
            else if (VideoLinks.Recognise(link, options.Value) is null)
                errors.Add(field, $"Không nhúng được video từ “{link}”: chỉ nhận video từ {VideoLinks.AllowedHostNames(options.Value)} hoặc tệp MP4 tải lên thư viện.");
        }
        return errors;
    }
}
