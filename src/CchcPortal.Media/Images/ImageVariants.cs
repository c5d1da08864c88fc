using System.Collections.Concurrent;
using CchcPortal.Media.Storage;
using NetVips;

namespace CchcPortal.Media.Images;

public enum VariantFormat { Webp, Jpeg }

/// <summary>
/// Resized copies of stored images, made on first request at preset widths only and cached on disk. libvips'
/// thumbnail shrinks on load (a JPEG is decoded at 1/2, 1/4 or 1/8 scale), so a 12-megapixel photo costs little.
/// Concurrent first requests for one variant share a single piece of work on this node; nodes sharing the cache folder
/// may each make it once, and readers only ever see a whole file.
/// </summary>
public sealed class ImageVariants(string cacheRoot)
{
    public static readonly int[] Widths = [320, 640, 960, 1280, 1920];

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _inFlight = new();

    public static bool IsPreset(int width) => Array.IndexOf(Widths, width) >= 0;

    public static string Extension(VariantFormat format) => format == VariantFormat.Webp ? ".webp" : ".jpg";
    public static string ContentType(VariantFormat format) => format == VariantFormat.Webp ? "image/webp" : "image/jpeg";

    /// <summary>The cached variant's path, made now if needed. <paramref name="relativeOriginal"/> is already validated.</summary>
    public async Task<string> GetAsync(string originalPath, string relativeOriginal, int width, VariantFormat format)
    {
        if (!IsPreset(width)) throw new ArgumentOutOfRangeException(nameof(width), width, "Not a preset width.");
        var target = Path.Combine(cacheRoot, width.ToString(), relativeOriginal + Extension(format));
        if (File.Exists(target) && File.GetLastWriteTimeUtc(target) >= File.GetLastWriteTimeUtc(originalPath)) return target;

        var work = _inFlight.GetOrAdd(target, key => new Lazy<Task<string>>(() => Task.Run(() => Make(originalPath, key, width, format))));
        try { return await work.Value; }
        finally { _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(target, work)); }
    }

    /// <summary>Counts the variants actually made: lets tests prove concurrent requests did the work once.</summary>
    public int Made => _made;
    private int _made;

    private string Make(string originalPath, string target, int width, VariantFormat format)
    {
        // Never upscale: a 500 px original asked at 960 stays 500 px wide.
        using var image = Image.Thumbnail(originalPath, width, height: 100_000, size: Enums.Size.Down);
        var bytes = format == VariantFormat.Webp
            ? image.WebpsaveBuffer(q: 80, keep: Enums.ForeignKeep.None)
            : image.JpegsaveBuffer(q: 82, interlace: true, optimizeCoding: true, keep: Enums.ForeignKeep.None);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Another node on the shared folder may be making the same variant: each renames a whole file over it.
        AtomicFile.WriteAllBytes(target, bytes);
        Interlocked.Increment(ref _made);
        return target;
    }

    /// <summary>Width and height of a stored image from its header (no pixels decoded), for width/height attributes.</summary>
    public static (int Width, int Height)? Dimensions(string path)
    {
        try
        {
            using var image = Image.NewFromFile(path, access: Enums.Access.Sequential);
            var swap = image.Contains("orientation") && image.Get("orientation") is int o && o >= 5;
            return swap ? (image.Height, image.Width) : (image.Width, image.Height);
        }
        catch (VipsException) { return null; }
    }
}
