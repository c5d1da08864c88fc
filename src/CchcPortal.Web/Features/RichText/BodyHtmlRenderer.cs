using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Html;

namespace CchcPortal.Web.Features.RichText;

/// <summary>
/// One step of turning stored (sanitized) body HTML into what a public page shows: responsive pictures for library
/// images, accessible video players, ... Steps run in <see cref="Order"/> on one parsed fragment.
/// </summary>
public interface IBodyHtmlTransform
{
    int Order { get; }
    Task ApplyAsync(BodyHtmlContext context, CancellationToken ct);
}

/// <summary>The parsed body a transform changes in place, and what it tells the page (e.g. hosts it embeds).</summary>
public sealed class BodyHtmlContext(IHtmlDocument document, IElement root)
{
    public IHtmlDocument Document { get; } = document;
    /// <summary>The element whose children are the body.</summary>
    public IElement Root { get; } = root;
    /// <summary>Origins the page must allow in its CSP frame-src (embedded players), collected by the transforms.</summary>
    public ISet<string> FrameSources { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}

public sealed record RenderedBody(IHtmlContent Html, IReadOnlySet<string> FrameSources)
{
    public static readonly RenderedBody Empty = new(HtmlString.Empty, new HashSet<string>());
}

/// <summary>Renders a post's or page's body for output (articles, their print view, the preview, static pages).</summary>
public sealed class BodyHtmlRenderer(IEnumerable<IBodyHtmlTransform> transforms)
{
    private readonly IBodyHtmlTransform[] _transforms = transforms.OrderBy(t => t.Order).ToArray();

    public async Task<RenderedBody> RenderAsync(string? bodyHtml, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(bodyHtml)) return RenderedBody.Empty;
        if (_transforms.Length == 0) return new RenderedBody(new HtmlString(bodyHtml), new HashSet<string>());
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var root = document.Body!;
        root.InnerHtml = bodyHtml;
        var context = new BodyHtmlContext(document, root);
        foreach (var transform in _transforms)
            await transform.ApplyAsync(context, ct);
        return new RenderedBody(new HtmlString(root.InnerHtml), new HashSet<string>(context.FrameSources, StringComparer.OrdinalIgnoreCase));
    }
}
