using CchcPortal.Core.Contests;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Pages.Contests;

public sealed class IndexModel(ContestParticipation contests, TimeProvider time) : PageModel
{
    public IReadOnlyList<Contest> Contests { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow().UtcDateTime;
        Contests = await contests.PublishedListAsync(ct);
    }
}
