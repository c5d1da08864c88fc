namespace CchcPortal.Web.Features.Media;

public sealed record StoredMedia(string Url, string ContentType, long Length);

/// <summary>
/// Stores uploads under {SharedPath}/media/{images|forms}/yyyy/MM/. The type is decided by the file's content (images
/// are decoded), never by its name or Content-Type; the stored name is random, so nothing a user typed reaches the
/// file system.
/// </summary>
public sealed class MediaStore(Infrastructure.PortalPaths paths, TimeProvider time, Microsoft.Extensions.Options.IOptions<Infrastructure.PortalOptions> options, CchcPortal.Media.Images.ImageSanitizer images)
{
    public const string UrlPrefix = "/media";

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
        if (length > MaxBytes) return (null, Infrastructure.UploadReader.TooLarge(MaxBytes));
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var detected = DetectDocument(bytes, fileName);
        if (detected is null) return (null, "Tệp tải lên không phải là tài liệu PDF, Word (DOC, DOCX) hoặc Excel (XLS, XLSX) hợp lệ.");
        return (await WriteAsync(bytes, "forms", detected.Value.Ext, detected.Value.Type, ct), null);
    }

    /// <summary>The file behind a /media URL, or null for anything outside the media folder.</summary>
    public string? PathOf(string url)
    {
        if (!url.StartsWith(UrlPrefix + "/", StringComparison.Ordinal)) return null;
        var full = Path.GetFullPath(Path.Combine(paths.MediaPath, url[(UrlPrefix.Length + 1)..]));
        return full.StartsWith(paths.MediaPath + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    public void Delete(string url)
    {
        if (PathOf(url) is { } full && File.Exists(full)) File.Delete(full);
    }

    private async Task<StoredMedia> WriteAsync(byte[] bytes, string folder, string ext, string type, CancellationToken ct)
    {
        var (full, url) = NewFile(folder, ext);
        await CchcPortal.Media.Storage.AtomicFile.WriteAllBytesAsync(full, bytes, ct);
        return new StoredMedia(url, type, bytes.Length);
    }

    /// <summary>A new random file name under {folder}/yyyy/MM/ (its folder created): where to write it and its URL.</summary>
    public (string FullPath, string Url) NewFile(string folder, string ext)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var relative = Path.Combine(folder, now.ToString("yyyy"), now.ToString("MM"), Guid.NewGuid().ToString("N") + ext);
        var full = Path.Combine(paths.MediaPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return (full, $"{UrlPrefix}/{relative.Replace('\\', '/')}");
    }

    /// <summary>Saves an image; returns null with a Vietnamese message when the content is not acceptable.</summary>
    public async Task<(StoredMedia? Media, string? Error)> SaveImageAsync(Stream content, long length, CancellationToken ct)
    {
        if (length <= 0) return (null, "Tệp tải lên rỗng.");
        if (length > MaxBytes) return (null, $"Ảnh quá lớn: tối đa {MaxBytes / (1024 * 1024)} MB.");

        await using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        // Decoded, not guessed from the name; size-checked against bombs; EXIF/GPS and other metadata removed.
        var (image, error) = images.Sanitize(buffer.ToArray());
        if (image is null) return (null, error);
        return (await WriteAsync(image.Content, "images", image.Extension, image.ContentType, ct), null);
    }
}
