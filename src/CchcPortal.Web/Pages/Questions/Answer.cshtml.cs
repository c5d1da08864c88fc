using CchcPortal.Core.Questions;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Questions;

[OutputCache(PolicyName = CachePolicies.Questions)]
public sealed class AnswerModel(PublishedAnswers answers) : PageModel
{
    public PublicAnswer Answer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await answers.ByCodeAsync(code, ct) is not { } a) return NotFound();
        Answer = a;
        return Page();
    }
}
