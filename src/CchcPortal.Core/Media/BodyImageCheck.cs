using AngleSharp.Html.Parser;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Media;

/// <summary>Puts an image into the media library from the body of a post or page being saved (the host checks the content).</summary>
public interface IBodyImageImport
{
    /// <summary>Stores pasted image bytes, decoded and cleaned, and registers them; null with a Vietnamese message otherwise.</summary>
    Task<(MediaItem? Item, string? Error)> ImportAsync(byte[] content, string alt, CancellationToken ct);

    /// <summary>Registers an image already stored under /media/images but missing from the library; null when no such file.</summary>
    Task<MediaItem?> RegisterStoredAsync(string url, string alt, CancellationToken ct);
}

/// <summary>
/// The body images of a post or static page being saved, before sanitizing: each must be in the media library, so it
/// is served as a responsive picture and counted as a use of the file. A library reference (data-media-id) must exist;
/// a pasted image (data: URL) or a stored /media image not yet registered is imported; an image from another site is
/// refused, since fetching editor-given URLs from the server would let anyone with an editor's account probe the
/// internal network (SSRF) and copy images whose rights nobody checked. Every image needs alt text, or alt="" to mark
/// it decorative (HTML's own convention); a library image without it takes the library's.
/// </summary>
public sealed class BodyImageCheck(PortalDbContext db, IBodyImageImport import)
{
    private const int MaxShownUrl = 80;

    /// <summary>The body with every image pointing at the library (unchanged when nothing moved); errors under <paramref name="field"/>.</summary>
    public async Task<string?> CheckAsync(string? bodyHtml, ValidationErrors errors, string field, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(bodyHtml) || !bodyHtml.Contains("<img", StringComparison.OrdinalIgnoreCase)) return bodyHtml;
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var root = document.Body!;
        root.InnerHtml = bodyHtml;
        var images = root.QuerySelectorAll("img").ToList();
        if (images.Count == 0) return bodyHtml;

        var changed = false;
        foreach (var img in images)
        {
            var src = img.GetAttribute("src")?.Trim() ?? "";
            var alt = img.GetAttribute("alt") is { } a ? VietnameseText.Normalize(a) : null;
            var item = await ResolveAsync(img, src, alt, errors, field, ct);
            if (item is null) continue;
            alt ??= item.AltText.Length > 0 ? item.AltText : null;
            if (alt is null)
            {
                errors.Add(field, $"Ảnh “{Shown(item.FileName)}” chưa có văn bản thay thế: hãy mô tả ngắn nội dung ảnh (hoặc đánh dấu là ảnh trang trí).");
                continue;
            }
            if (img.GetAttribute("src") != item.Url || BodyImageReference.MediaId(img) != item.Id || img.GetAttribute("alt") != alt)
            {
                img.SetAttribute("src", item.Url);
                img.SetAttribute(BodyImageReference.IdAttribute, item.Id.ToString());
                img.SetAttribute("alt", alt);
                changed = true;
            }
        }
        return changed ? root.InnerHtml : bodyHtml;
    }

    private async Task<MediaItem?> ResolveAsync(AngleSharp.Dom.IElement img, string src, string? alt, ValidationErrors errors, string field, CancellationToken ct)
    {
        if (img.HasAttribute(BodyImageReference.IdAttribute))
        {
            var id = BodyImageReference.MediaId(img);
            var item = id is null ? null : await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.Kind == MediaKind.Image, ct);
            if (item is null) errors.Add(field, $"Ảnh số {Shown(img.GetAttribute(BodyImageReference.IdAttribute))} không có trong thư viện (có thể đã bị xóa): hãy chọn lại ảnh từ thư viện.");
            return item;
        }
        if (src.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrEmpty(alt))
            {
                errors.Add(field, "Ảnh dán vào bài chưa có văn bản thay thế: hãy mô tả ngắn nội dung ảnh để ảnh được đưa vào thư viện.");
                return null;
            }
            var bytes = DataUrlBytes(src);
            if (bytes is null)
            {
                errors.Add(field, "Ảnh dán vào bài không đọc được: hãy tải ảnh lên thư viện rồi chèn lại.");
                return null;
            }
            var (imported, error) = await import.ImportAsync(bytes, alt, ct);
            if (imported is null) errors.Add(field, $"Ảnh dán vào bài không được nhận: {error}");
            return imported;
        }
        if (BodyImageReference.StoredUrl(src) is { } url)
        {
            var item = await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Url == url && m.Kind == MediaKind.Image, ct);
            if (item is not null) return item;
            if (string.IsNullOrEmpty(alt))
            {
                errors.Add(field, $"Ảnh “{Shown(url)}” chưa có văn bản thay thế: hãy mô tả ngắn nội dung ảnh.");
                return null;
            }
            item = await import.RegisterStoredAsync(url, alt, ct);
            if (item is null) errors.Add(field, $"Ảnh “{Shown(url)}” không có trong thư viện: hãy chọn ảnh từ thư viện.");
            return item;
        }
        errors.Add(field, src.Length == 0
            ? "Có ảnh không có địa chỉ: hãy xóa rồi chèn lại ảnh từ thư viện."
            : $"Ảnh “{Shown(src)}” không thuộc thư viện của cổng: hãy tải ảnh về máy, tải lên thư viện (nút Chèn ảnh từ thư viện) rồi chèn lại. Cổng không tự lấy ảnh từ trang khác.");
        return null;
    }

    /// <summary>The bytes of a base64 data: URL (what browsers paste); null for anything else.</summary>
    private static byte[]? DataUrlBytes(string src)
    {
        var comma = src.IndexOf(',');
        if (comma < 0 || !src[..comma].EndsWith(";base64", StringComparison.OrdinalIgnoreCase)) return null;
        try { return Convert.FromBase64String(src[(comma + 1)..]); }
        catch (FormatException) { return null; }
    }

    private static string Shown(string? text) =>
        text is null ? "" : text.Length <= MaxShownUrl ? text : text[..MaxShownUrl] + "…";
}
