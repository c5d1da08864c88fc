using CchcPortal.Core.Media;

namespace CchcPortal.Web.Features.Media;

/// <summary>Body images imported on save go through the same content check and registration as uploads.</summary>
public sealed class LibraryBodyImageImport(MediaStore store, MediaLibrary library, IHttpContextAccessor http) : IBodyImageImport
{
    private string User => http.HttpContext?.User.Identity?.Name ?? "?";

    public async Task<(MediaItem? Item, string? Error)> ImportAsync(byte[] content, string alt, CancellationToken ct)
    {
        var (stored, error) = await store.SaveImageAsync(new MemoryStream(content), content.Length, ct);
        if (stored is null) return (null, error);
        return (await library.RegisterAsync(stored, MediaKind.Image, "anh-dan-vao-bai" + Path.GetExtension(stored.Url), null, alt, User, ct), null);
    }

    public async Task<MediaItem?> RegisterStoredAsync(string url, string alt, CancellationToken ct)
    {
        if (store.PathOf(url) is not { } path || !File.Exists(path) || CchcPortal.Media.Images.ImageVariants.Dimensions(path) is null) return null;
        var stored = new StoredMedia(url, ContentTypeOf(path), new FileInfo(path).Length);
        return await library.RegisterAsync(stored, MediaKind.Image, Path.GetFileName(path), null, alt, User, ct);
    }

    private static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        _ => "image/jpeg",
    };
}
