using System.Text.Encodings.Web;
using AngleSharp.Dom;
using CchcPortal.Core.Data;
using CchcPortal.Core.Media;
using CchcPortal.Web.Features.Media;
using CchcPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Web.Features.RichText;

/// <summary>
/// Every body image of the media library (by data-media-id, or by URL in older posts) becomes the same responsive
/// picture as featured images, with the library's width/height; a stored image not registered in the library still
/// gets it from its file. The alt text of the body wins (an empty one marks a decorative image), else the library's.
/// </summary>
public sealed class LibraryImageTransform(PortalDbContext db, PortalPaths paths, HtmlEncoder encoder) : IBodyHtmlTransform
{
    public int Order => 100;

    public async Task ApplyAsync(BodyHtmlContext context, CancellationToken ct)
    {
        var images = context.Root.QuerySelectorAll("img")
            .Select(img => (Element: img, Id: BodyImageReference.MediaId(img), Url: BodyImageReference.StoredUrl(img.GetAttribute("src"))))
            .Where(i => i.Id is not null || i.Url is not null).ToList();
        if (images.Count == 0) return;

        var ids = images.Where(i => i.Id is not null).Select(i => i.Id!.Value).Distinct().ToList();
        var urls = images.Where(i => i.Url is not null).Select(i => i.Url!).Distinct().ToList();
        var items = await db.MediaItems.AsNoTracking()
            .Where(m => m.Kind == MediaKind.Image && (ids.Contains(m.Id) || urls.Contains(m.Url)))
            .Select(m => new { m.Id, m.Url, m.AltText, m.Width, m.Height }).ToListAsync(ct);

        foreach (var (element, id, url) in images)
        {
            var item = items.FirstOrDefault(m => m.Id == id) ?? items.FirstOrDefault(m => m.Url == url);
            var src = item?.Url ?? url;
            if (src is null) continue;
            var size = item is { Width: { } w, Height: { } h } ? (w, h) : ResponsivePicture.SizeOfStored(paths, src);
            var alt = element.GetAttribute("alt") ?? item?.AltText ?? "";
            using var html = new StringWriter();
            ResponsivePicture.Build(src, alt, size).WriteTo(html, encoder);
            element.OuterHtml = html.ToString();
        }
    }
}
