namespace CchcPortal.Web.Features.Media;

public sealed record StoredMedia(string Url, string ContentType, long Length);

/// <summary>
/// Stores uploaded images under {DataPath}/media/yyyy/MM/. The type is decided by the file's first bytes, never
/// by its name or Content-Type; the stored name is random, so nothing a user typed reaches the file system.
/// </summary>
public sealed class MediaStore(Infrastructure.PortalPaths paths, TimeProvider time, Microsoft.Extensions.Options.IOptions<Infrastructure.PortalOptions> options)
{
    public const string UrlPrefix = "/media";

    private static readonly (string Ext, string Type, byte?[] Magic)[] Signatures =
    [
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (".gif", "image/gif", [0x47, 0x49, 0x46, 0x38]),
        (".webp", "image/webp", [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50]),
    ];

    public long MaxBytes => options.Value.MaxUploadBytes;

    /// <summary>Detects an image type from its header bytes; null when it is not a supported image.</summary>
    public static (string Ext, string Type)? DetectImage(ReadOnlySpan<byte> header)
    {
        foreach (var (ext, type, magic) in Signatures)
        {
            if (header.Length < magic.Length) continue;
            var match = true;
            for (var i = 0; i < magic.Length && match; i++)
                match = magic[i] is null || header[i] == magic[i];
            if (match) return (ext, type);
        }
        return null;
    }

    /// <summary>Saves an image; returns null with a Vietnamese message when the content is not acceptable.</summary>
    public async Task<(StoredMedia? Media, string? Error)> SaveImageAsync(Stream content, long length, CancellationToken ct)
    {
        if (length <= 0) return (null, "Tệp tải lên rỗng.");
        if (length > MaxBytes) return (null, $"Ảnh quá lớn: tối đa {MaxBytes / (1024 * 1024)} MB.");

        await using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var detected = DetectImage(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 16)));
        if (detected is null) return (null, "Tệp tải lên không phải là ảnh JPEG, PNG, GIF hoặc WebP hợp lệ.");

        var now = time.GetUtcNow().UtcDateTime;
        var relative = Path.Combine(now.ToString("yyyy"), now.ToString("MM"), Guid.NewGuid().ToString("N") + detected.Value.Ext);
        var full = Path.Combine(paths.MediaPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        buffer.Position = 0;
        await using (var file = File.Create(full))
            await buffer.CopyToAsync(file, ct);
        return (new StoredMedia($"{UrlPrefix}/{relative.Replace('\\', '/')}", detected.Value.Type, buffer.Length), null);
    }
}
