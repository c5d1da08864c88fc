using CchcPortal.Core.Contests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Pages.Contests;

/// <summary>The public winners once the contest has ended: rank, name, unit and score only (never phone or commune).</summary>
public sealed class WinnersModel(ContestParticipation participation, ContestResults results, TimeProvider time) : PageModel
{
    public Contest Contest { get; private set; } = null!;
    public bool Ended { get; private set; }
    public IReadOnlyList<(int Rank, string Name, string Unit, int Score)> Winners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await participation.PublishedAsync(slug, ct) is not { } contest) return NotFound();
        var now = time.GetUtcNow().UtcDateTime;
        Contest = contest;
        Ended = contest.HasEndedAt(now);
        Winners = await results.WinnersAsync(contest, now, ct);
        return Page();
    }
}
