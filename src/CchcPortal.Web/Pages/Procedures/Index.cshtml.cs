using CchcPortal.Core.Common;
using CchcPortal.Core.Procedures;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Procedures;

[OutputCache(PolicyName = CachePolicies.Procedures)]
public sealed class IndexModel(ProcedureQueries procedures) : PageModel
{
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "linh-vuc")] public string? Field { get; set; }
    [FromQuery(Name = "cap")] public string? Level { get; set; }
    [FromQuery(Name = "co-quan")] public int? AgencyId { get; set; }
    [FromQuery(Name = "doi-tuong")] public string? Subject { get; set; }
    [FromQuery(Name = "truc-tuyen")] public OnlineLevel? Online { get; set; }
    [FromQuery(Name = "sap-xep")] public ProcedureSort Sort { get; set; }
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;

    public ProcedureListResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Query = ListQuery.Words(Query, 200);
        Result = await procedures.ListAsync(new ProcedureFilter(Query, ListQuery.Filter(Field), ListQuery.Filter(Level), AgencyId, ListQuery.Filter(Subject), Online, Sort, ListQuery.Page(PageNumber)), ct);
        if (PageNumber > Result.Page.PageCount) return NotFound();
        return Page();
    }

    /// <summary>This list's URL with one page number, keeping every filter.</summary>
    public string PageUrl => ListQuery.Url(PublicPaths.Procedures,
        ("q", Query), ("linh-vuc", Field), ("cap", Level), ("co-quan", AgencyId?.ToString()),
        ("doi-tuong", Subject), ("truc-tuyen", Online?.ToString()), ("sap-xep", Sort == ProcedureSort.Name ? null : Sort.ToString()));
}
