using System.Collections.Concurrent;
using CchcPortal.Media.Images;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CchcPortal.Web.Features.Media;

/// <summary>
/// &lt;responsive-img src="/media/images/..." alt="..." sizes="..."&gt; becomes a &lt;picture&gt; with WebP and JPEG
/// srcsets at the preset widths, the image's own width/height (no layout shift), lazy loading and async decoding.
/// Anything not stored under /media/images stays a plain &lt;img&gt;.
/// </summary>
[HtmlTargetElement("responsive-img", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ResponsiveImageTagHelper(PortalPaths paths) : TagHelper
{
    private static readonly ConcurrentDictionary<string, (int Width, int Height)?> Sizes = new();

    public string Src { get; set; } = "";
    public string Alt { get; set; } = "";
    /// <summary>The layout width hint; the default fits the article column.</summary>
    public string SizesHint { get; set; } = "(min-width: 60rem) 52rem, 100vw";
    public bool Eager { get; set; }
    public string? Class { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "picture";
        output.TagMode = TagMode.StartTagAndEndTag;
        var loading = Eager ? "eager" : "lazy";
        var img = new Microsoft.AspNetCore.Mvc.Rendering.TagBuilder("img") { TagRenderMode = Microsoft.AspNetCore.Mvc.Rendering.TagRenderMode.SelfClosing };
        img.Attributes["alt"] = Alt;
        img.Attributes["loading"] = loading;
        img.Attributes["decoding"] = "async";
        if (Class is not null) img.Attributes["class"] = Class;

        var prefix = MediaStore.UrlPrefix + "/images/";
        var file = Src.StartsWith(prefix, StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(paths.MediaPath, Src[(MediaStore.UrlPrefix.Length + 1)..])) : null;
        var size = file is not null && file.StartsWith(paths.MediaPath, StringComparison.Ordinal)
            ? Sizes.GetOrAdd(file, f => File.Exists(f) ? ImageVariants.Dimensions(f) : null) : null;
        if (size is not { } s)
        {
            img.Attributes["src"] = Src;
            output.TagName = null;
            output.Content.SetHtmlContent(img);
            return;
        }
        // Widths above the original are not offered: the browser would only get the original size again.
        var widths = ImageVariants.Widths.Where(w => w <= s.Width).DefaultIfEmpty(ImageVariants.Widths[0]).ToArray();
        string SrcSet(VariantFormat f) => string.Join(", ", widths.Select(w => $"{ImageVariantEndpoints.Url(Src, w, f)} {Math.Min(w, s.Width)}w"));
        var source = new Microsoft.AspNetCore.Mvc.Rendering.TagBuilder("source") { TagRenderMode = Microsoft.AspNetCore.Mvc.Rendering.TagRenderMode.SelfClosing };
        source.Attributes["type"] = "image/webp";
        source.Attributes["srcset"] = SrcSet(VariantFormat.Webp);
        source.Attributes["sizes"] = SizesHint;
        img.Attributes["src"] = ImageVariantEndpoints.Url(Src, widths.Length > 1 ? widths[1] : widths[0], VariantFormat.Jpeg);
        img.Attributes["srcset"] = SrcSet(VariantFormat.Jpeg);
        img.Attributes["sizes"] = SizesHint;
        img.Attributes["width"] = s.Width.ToString();
        img.Attributes["height"] = s.Height.ToString();
        output.Content.AppendHtml(source);
        output.Content.AppendHtml(img);
    }
}
