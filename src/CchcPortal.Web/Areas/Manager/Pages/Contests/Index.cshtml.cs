using CchcPortal.Core.Contests;

namespace CchcPortal.Web.Areas.Manager.Pages.Contests;

public sealed class IndexModel(ContestService contests) : ManagerPageModel
{
    public IReadOnlyList<Contest> Contests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Contests = await contests.AllAsync(ct);
}
