using CchcPortal.Core.Agencies;
using CchcPortal.Core.Common;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Agencies;

[OutputCache(PolicyName = CachePolicies.Directory)]
public sealed class AgencyModel(AgencyQueries agencies, CchcPortal.Core.Procedures.ProcedureQueries procedures) : PageModel
{
    public Agency Agency { get; private set; } = null!;
    public IReadOnlyList<Agency> Children { get; private set; } = [];
    public IReadOnlyList<Agency> Predecessors { get; private set; } = [];
    public IReadOnlyList<CchcPortal.Core.Procedures.ProcedureCard> Procedures { get; private set; } = [];
    public int ProcedureCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var agency = await agencies.BySlugAsync(slug, ct);
        if (agency is null) return NotFound();
        // A merged or dissolved unit's address keeps working: it leads to the unit that took over.
        if (!agency.IsActive && agency.Successor is { } successor)
            return RedirectPermanent($"{PublicPaths.Agency(successor.Slug)}?tu={agency.Slug}");
        Agency = agency;
        Children = await agencies.ChildrenAsync(agency.Id, ct);
        Predecessors = await agencies.PredecessorsAsync(agency.Id, ct);
        ProcedureCount = await procedures.CountForAgencyAsync(agency.Id, ct);
        Procedures = await procedures.ForAgencyAsync(agency.Id, 10, ct);
        return Page();
    }
}
