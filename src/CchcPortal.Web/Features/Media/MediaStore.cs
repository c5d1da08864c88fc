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

    private const string OleMagic = "D0CF11E0A1B11AE1";

    /// <summary>
    /// Detects a document from its bytes: PDF, DOCX/XLSX (a ZIP package whose parts say Word or Excel), or the
    /// older DOC/XLS (an OLE compound file, told apart by its name only since both share the container).
    /// </summary>
    public static (string Ext, string Type)? DetectDocument(byte[] content, string fileName)
    {
        if (content.Length > 5 && content.AsSpan(0, 5).SequenceEqual("%PDF-"u8)) return (".pdf", "application/pdf");
        if (content.Length > 8 && Convert.ToHexString(content, 0, 8) == OleMagic)
            return Path.GetExtension(fileName).ToLowerInvariant() == ".xls" ? (".xls", "application/vnd.ms-excel") : (".doc", "application/msword");
        if (content.Length > 4 && content[0] == 0x50 && content[1] == 0x4B && content[2] == 0x03 && content[3] == 0x04)
        {
            try
            {
                using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content), System.IO.Compression.ZipArchiveMode.Read);
                if (zip.GetEntry("[Content_Types].xml") is null) return null;
                if (zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal)))
                    return (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                if (zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)))
                    return (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>Saves a form document (PDF, DOC/DOCX, XLS/XLSX) checked by content; null with a Vietnamese message otherwise.</summary>
    public async Task<(StoredMedia? Media, string? Error)> SaveDocumentAsync(Stream content, long length, string fileName, CancellationToken ct)
    {
        if (length <= 0) return (null, "Tệp tải lên rỗng.");
        if (length > MaxBytes) return (null, $"Tệp quá lớn: tối đa {MaxBytes / (1024 * 1024)} MB.");
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var detected = DetectDocument(bytes, fileName);
        if (detected is null) return (null, "Tệp tải lên không phải là tài liệu PDF, Word (DOC, DOCX) hoặc Excel (XLS, XLSX) hợp lệ.");
        return (await WriteAsync(bytes, "forms", detected.Value.Ext, detected.Value.Type, ct), null);
    }

    private async Task<StoredMedia> WriteAsync(byte[] bytes, string folder, string ext, string type, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var relative = Path.Combine(folder, now.ToString("yyyy"), now.ToString("MM"), Guid.NewGuid().ToString("N") + ext);
        var full = Path.Combine(paths.MediaPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, bytes, ct);
        return new StoredMedia($"{UrlPrefix}/{relative.Replace('\\', '/')}", type, bytes.Length);
    }

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

        return (await WriteAsync(buffer.ToArray(), "images", detected.Value.Ext, detected.Value.Type, ct), null);
    }
}
