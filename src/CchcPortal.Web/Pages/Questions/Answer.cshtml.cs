using CchcPortal.Core.Questions;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Questions;

[OutputCache(PolicyName = CachePolicies.Questions)]
public sealed class AnswerModel(PublishedAnswers answers, ProgrammeEpisodeQueries episodes, RelatedProcedures procedures) : PageModel
{
    public PublicAnswer Answer { get; private set; } = null!;
    /// <summary>The published programme episode the answer was given in, if any.</summary>
    public EpisodeCard? Episode { get; private set; }
    public RelatedProcedure? Procedure { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (await answers.ByCodeAsync(code, ct) is not { } a) return NotFound();
        Answer = a;
        Episode = await episodes.ForPublishedAnswerAsync(a.Code, ct);
        Procedure = await procedures.ForPublishedAnswerAsync(a.Code, ct);
        return Page();
    }
}
