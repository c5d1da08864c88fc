using System.Collections.Concurrent;
using CchcPortal.Media.Images;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CchcPortal.Web.Features.Media;

/// <summary>
/// The one markup of a stored image on a page (featured images through &lt;responsive-img&gt;, body images through
/// LibraryImageTransform): a &lt;picture&gt; with WebP and JPEG srcsets at the preset widths, the image's own
/// width/height (no layout shift), lazy loading and async decoding. Anything not stored under /media/images, or
/// whose size is unknown, stays a plain &lt;img&gt;.
/// </summary>
public static class ResponsivePicture
{
    /// <summary>The layout width hint of the article column.</summary>
    public const string ArticleColumn = "(min-width: 60rem) 52rem, 100vw";
    public const string ImagesPrefix = MediaStore.UrlPrefix + "/images/";

    private static readonly ConcurrentDictionary<string, (int Width, int Height)?> FileSizes = new();

    /// <summary>Width and height read from the stored file's header (cached: stored files never change).</summary>
    public static (int Width, int Height)? SizeOfStored(PortalPaths paths, string url)
    {
        if (!url.StartsWith(ImagesPrefix, StringComparison.Ordinal)) return null;
        var file = Path.GetFullPath(Path.Combine(paths.MediaPath, url[(MediaStore.UrlPrefix.Length + 1)..]));
        return file.StartsWith(paths.MediaPath + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? FileSizes.GetOrAdd(file, f => File.Exists(f) ? ImageVariants.Dimensions(f) : null) : null;
    }

    public static IHtmlContent Build(string url, string alt, (int Width, int Height)? size, string sizes = ArticleColumn, bool eager = false, string? cssClass = null)
    {
        var img = new TagBuilder("img") { TagRenderMode = TagRenderMode.SelfClosing };
        img.Attributes["alt"] = alt;
        img.Attributes["loading"] = eager ? "eager" : "lazy";
        img.Attributes["decoding"] = "async";
        if (cssClass is not null) img.Attributes["class"] = cssClass;
        if (size is not { } s || !url.StartsWith(ImagesPrefix, StringComparison.Ordinal))
        {
            img.Attributes["src"] = url;
            return img;
        }
        // Widths above the original are not offered: the browser would only get the original size again.
        var widths = ImageVariants.Widths.Where(w => w <= s.Width).DefaultIfEmpty(ImageVariants.Widths[0]).ToArray();
        string SrcSet(VariantFormat f) => string.Join(", ", widths.Select(w => $"{ImageVariantEndpoints.Url(url, w, f)} {Math.Min(w, s.Width)}w"));
        var source = new TagBuilder("source") { TagRenderMode = TagRenderMode.SelfClosing };
        source.Attributes["type"] = "image/webp";
        source.Attributes["srcset"] = SrcSet(VariantFormat.Webp);
        source.Attributes["sizes"] = sizes;
        img.Attributes["src"] = ImageVariantEndpoints.Url(url, widths.Length > 1 ? widths[1] : widths[0], VariantFormat.Jpeg);
        img.Attributes["srcset"] = SrcSet(VariantFormat.Jpeg);
        img.Attributes["sizes"] = sizes;
        img.Attributes["width"] = s.Width.ToString();
        img.Attributes["height"] = s.Height.ToString();
        var picture = new TagBuilder("picture");
        picture.InnerHtml.AppendHtml(source);
        picture.InnerHtml.AppendHtml(img);
        return picture;
    }
}
