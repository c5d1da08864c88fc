using CchcPortal.Core.StaticPages;

namespace CchcPortal.Web.Areas.Manager.Pages.StaticPages;

public sealed class IndexModel(StaticPageService pages) : ManagerPageModel
{
    public IReadOnlyList<StaticPage> Pages { get; private set; } = [];
    public async Task OnGetAsync(CancellationToken ct) => Pages = await pages.ListAsync(ct);
}
