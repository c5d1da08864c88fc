using CchcPortal.Core.Procedures;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Procedures;

[OutputCache(PolicyName = CachePolicies.Procedures)]
public sealed class PrintModel(ProcedureQueries procedures) : PageModel
{
    public Procedure Procedure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var procedure = await procedures.BySlugAsync(slug, ct);
        if (procedure is null) return NotFound();
        Procedure = procedure;
        return Page();
    }
}
