using CchcPortal.Core.StaticPages;
using CchcPortal.Web.Features.RichText;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.StaticPages;

[OutputCache(PolicyName = CachePolicies.Site)]
public sealed class ShowModel(StaticPageService pages, BodyHtmlRenderer bodies) : PageModel
{
    public StaticPage Item { get; private set; } = null!;
    public RenderedBody Body { get; private set; } = RenderedBody.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var page = await pages.BySlugAsync(slug, ct);
        if (page is null) return NotFound();
        Item = page;
        Body = await bodies.RenderAsync(page.BodyHtml, ct);
        FrameSources.Allow(Response, Body.FrameSources);
        return Page();
    }
}
