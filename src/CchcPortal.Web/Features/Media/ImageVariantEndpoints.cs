using CchcPortal.Media.Images;
using CchcPortal.Web.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace CchcPortal.Web.Features.Media;

/// <summary>
/// GET /media/v/{width}/{original path}.webp|.jpg: a stored image at a preset width. Any other width, or a path
/// outside the stored images, is 404. Variants never change for a given original, so they are cached for a year.
/// </summary>
public static class ImageVariantEndpoints
{
    public const string Prefix = MediaStore.UrlPrefix + "/v";

    public static string Url(string originalUrl, int width, VariantFormat format) =>
        $"{Prefix}/{width}/{originalUrl[(MediaStore.UrlPrefix.Length + 1)..]}{ImageVariants.Extension(format)}";

    public static IEndpointRouteBuilder MapImageVariants(this IEndpointRouteBuilder app)
    {
        app.MapGet(Prefix + "/{width:int}/{**path}", async (int width, string path, PortalPaths paths, ImageVariants variants, HttpContext http) =>
        {
            if (!ImageVariants.IsPreset(width)) return Results.NotFound();
            VariantFormat format;
            if (path.EndsWith(".webp", StringComparison.Ordinal)) format = VariantFormat.Webp;
            else if (path.EndsWith(".jpg", StringComparison.Ordinal)) format = VariantFormat.Jpeg;
            else return Results.NotFound();
            var relative = path[..^ImageVariants.Extension(format).Length];
            if (!relative.StartsWith("images/", StringComparison.Ordinal)) return Results.NotFound();
            var original = Path.GetFullPath(Path.Combine(paths.MediaPath, relative));
            if (!original.StartsWith(paths.MediaPath + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(original))
                return Results.NotFound();

            var file = await variants.GetAsync(original, relative, width, format);
            var info = new FileInfo(file);
            var tag = new EntityTagHeaderValue($"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}\"");
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(file, ImageVariants.ContentType(format), entityTag: tag, lastModified: info.LastWriteTimeUtc);
        });
        return app;
    }
}
