using NetVips;

namespace CchcPortal.Media.Images;

public sealed record SanitizedImage(byte[] Content, string Extension, string ContentType, int Width, int Height);

/// <summary>
/// Checks an uploaded image by decoding it with libvips (never by its name), refuses decompression bombs by their
/// pixel count before any pixel is decoded, applies the EXIF orientation, and re-encodes it in its own format
/// without metadata (EXIF with GPS, XMP, IPTC, comments); only the ICC colour profile is kept.
/// </summary>
public sealed class ImageSanitizer(long maxPixels = ImageSanitizer.DefaultMaxPixels)
{
    /// <summary>About 50 megapixels: any real phone or camera photo, far from a bomb.</summary>
    public const long DefaultMaxPixels = 50_000_000;

    /// <summary>libvips loader class (e.g. VipsForeignLoadPngBuffer) -> how we store it. HEIC is stored as JPEG.</summary>
    private static readonly (string Loader, string Ext, string Type)[] Formats =
    [
        ("Jpeg", ".jpg", "image/jpeg"), ("Png", ".png", "image/png"), ("Webp", ".webp", "image/webp"),
        ("Gif", ".gif", "image/gif"), ("Heif", ".jpg", "image/jpeg"),
    ];

    public (SanitizedImage? Image, string? Error) Sanitize(byte[] content)
    {
        string? loader;
        try { loader = Image.FindLoadBuffer(content); }
        catch (VipsException) { loader = null; }
        var format = Formats.FirstOrDefault(f => loader?.Contains("ForeignLoad" + f.Loader, StringComparison.Ordinal) == true);
        if (format.Loader is null)
            return (null, "Tệp không phải là ảnh JPEG, PNG, WebP, GIF hoặc HEIC hợp lệ.");
        try
        {
            // Opening reads the header only: the size check happens before any pixel is decoded.
            using var header = Image.NewFromBuffer(content, access: Enums.Access.Sequential);
            if ((long)header.Width * header.Height > maxPixels)
                return (null, $"Ảnh quá lớn ({header.Width} × {header.Height} điểm ảnh); tối đa {maxPixels / 1_000_000} triệu điểm ảnh.");
            using var upright = header.Autorot();
            var bytes = format.Ext switch
            {
                ".jpg" => upright.JpegsaveBuffer(q: 90, keep: Enums.ForeignKeep.Icc),
                ".png" => upright.PngsaveBuffer(keep: Enums.ForeignKeep.Icc),
                ".webp" => upright.WebpsaveBuffer(q: 90, keep: Enums.ForeignKeep.Icc),
                _ => upright.GifsaveBuffer(keep: Enums.ForeignKeep.None),
            };
            return (new SanitizedImage(bytes, format.Ext, format.Type, upright.Width, upright.Height), null);
        }
        catch (VipsException)
        {
            return (null, "Không đọc được ảnh: tệp bị hỏng hoặc không đúng định dạng.");
        }
    }
}
