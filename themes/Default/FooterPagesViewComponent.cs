using CchcPortal.Core.StaticPages;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Themes.Default;

public sealed class FooterPagesViewComponent(StaticPageService pages) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View((await pages.ListAsync(HttpContext.RequestAborted)).Where(p => p.ShowInFooter).ToList());
}
