using CchcPortal.Core.News;

namespace CchcPortal.Web.Areas.Manager.Pages;

public sealed class IndexModel(PostManagerQueries posts) : ManagerPageModel
{
    public Dictionary<PublicationStatus, int> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Counts = await posts.CountsByStatusAsync(ct);
}
