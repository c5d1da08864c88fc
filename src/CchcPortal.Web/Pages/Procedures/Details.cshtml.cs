using CchcPortal.Core.Procedures;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Procedures;

[OutputCache(PolicyName = CachePolicies.Procedures)]
public sealed class DetailsModel(ProcedureQueries procedures, Core.Documents.DocumentQueries documents) : PageModel
{
    public Procedure Procedure { get; private set; } = null!;
    public IReadOnlyList<ProcedureCard> Related { get; private set; } = [];
    public Procedure? Replacement { get; private set; }
    /// <summary>ViewData key of the legal bases the documents library holds (basis id -> document slug).</summary>
    public const string LegalLinksKey = "LegalLinks";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var procedure = await procedures.BySlugAsync(slug, ct);
        if (procedure is null) return NotFound();
        Procedure = procedure;
        Related = await procedures.RelatedAsync(procedure, 5, ct);
        ViewData[LegalLinksKey] = await documents.LegalBasisLinksAsync(procedure.LegalBases, ct);
        if (procedure.ReplacedByCode.Length > 0) Replacement = await procedures.ByCodeAsync(procedure.ReplacedByCode, ct);
        return Page();
    }
}
