using Ganss.Xss;

namespace CchcPortal.Core.Common;

/// <summary>
/// Server-side sanitizer for editor rich text: keeps structure (headings, lists, tables, images, links),
/// drops scripts, event handlers, javascript:/data: URLs, forms and embedded objects.
/// </summary>
public sealed class RichTextSanitizer
{
    private readonly HtmlSanitizer _sanitizer;

    public RichTextSanitizer()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" })
            _sanitizer.AllowedSchemes.Add(scheme);
        _sanitizer.AllowedTags.Remove("form");
        _sanitizer.AllowedTags.Remove("input");
        _sanitizer.AllowedTags.Remove("button");
        _sanitizer.AllowedTags.Remove("select");
        _sanitizer.AllowedTags.Remove("textarea");
        _sanitizer.AllowedTags.Add("figure");
        _sanitizer.AllowedTags.Add("figcaption");
        _sanitizer.AllowedAttributes.Add("scope");
        // A body image refers to the media library by id (the image picker); only on img, only digits.
        _sanitizer.AllowedAttributes.Add(Media.BodyImageReference.IdAttribute);
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedCssProperties.Clear();

        // --- Video placeholders (issue 22, video): <figure data-video="link" data-title="title">, made players on output
        // by VideoTransform from the link's host or library item; never a frame from the editor.
        _sanitizer.AllowedAttributes.Add(Media.VideoPlaceholder.LinkAttribute);
        _sanitizer.AllowedAttributes.Add(Media.VideoPlaceholder.TitleAttribute);
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: not "FIGURE" } other)
            {
                other.RemoveAttribute(Media.VideoPlaceholder.LinkAttribute);
                other.RemoveAttribute(Media.VideoPlaceholder.TitleAttribute);
            }
        };
        // --- end of video placeholders
        _sanitizer.PostProcessNode += (_, e) =>
        {
            // External links open safely.
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a && a.GetAttribute("target") is not null)
                a.SetAttribute("rel", "noopener noreferrer");
            if (e.Node is AngleSharp.Dom.IElement element && element.HasAttribute(Media.BodyImageReference.IdAttribute)
                && (element.TagName != "IMG" || Media.BodyImageReference.MediaId(element) is null))
                element.RemoveAttribute(Media.BodyImageReference.IdAttribute);
        };
    }

    public string Sanitize(string? html) =>
        string.IsNullOrWhiteSpace(html) ? string.Empty : _sanitizer.Sanitize(VietnameseText.Clean(html)).Trim();
}
