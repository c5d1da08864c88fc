using CchcPortal.Core.Procedures;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Procedures;

[OutputCache(PolicyName = CachePolicies.Procedures)]
public sealed class DetailsModel(ProcedureQueries procedures) : PageModel
{
    public Procedure Procedure { get; private set; } = null!;
    public IReadOnlyList<ProcedureCard> Related { get; private set; } = [];
    public Procedure? Replacement { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var procedure = await procedures.BySlugAsync(slug, ct);
        if (procedure is null) return NotFound();
        Procedure = procedure;
        Related = await procedures.RelatedAsync(procedure, 5, ct);
        if (procedure.ReplacedByCode.Length > 0) Replacement = await procedures.ByCodeAsync(procedure.ReplacedByCode, ct);
        return Page();
    }
}
