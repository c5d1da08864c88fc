using CchcPortal.Core.Contests;
using CchcPortal.Web.Features.Contests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Pages.Contests;

/// <summary>The result of an ended attempt, for its participant only: score, time, and each question's right option and legal source.</summary>
public sealed class ResultModel(ContestParticipation participation, ContestVisitor visitor) : PageModel
{
    public AttemptResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (await visitor.ParticipantAsync(HttpContext, slug, ct) is not { } participant) return NotFound();
        if (await participation.ResultAsync(token, participant.Id, ct) is not { } result)
        {
            // Still running: the sheet, never the answers.
            if (await participation.SheetAsync(token, participant.Id, ct) is null) return NotFound();
            Response.Headers.Location = ContestPaths.Attempt(slug, token);
            return StatusCode(StatusCodes.Status303SeeOther);
        }
        Result = result;
        return Page();
    }
}
