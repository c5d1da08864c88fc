using CchcPortal.Core.Common;
using CchcPortal.Core.Procedures;
using CchcPortal.Web.Features.Procedures;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Procedures;

[OutputCache(PolicyName = CachePolicies.Procedures)]
public sealed class IndexModel(ProcedureQueries procedures, ProcedureRanking ranking) : PageModel
{
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "linh-vuc")] public string? Field { get; set; }
    [FromQuery(Name = "cap")] public string? Level { get; set; }
    [FromQuery(Name = "co-quan")] public int? AgencyId { get; set; }
    [FromQuery(Name = "doi-tuong")] public string? Subject { get; set; }
    [FromQuery(Name = "truc-tuyen")] public OnlineLevel? Online { get; set; }
    /// <summary>As asked; null: "Liên quan nhất" with search words, A–Z without.</summary>
    [FromQuery(Name = "sap-xep")] public ProcedureSort? Sort { get; set; }
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;

    public ProcedureListResult Result { get; private set; } = null!;
    /// <summary>The order applied (A–Z when relevance was asked for but the search index is not ready).</summary>
    public ProcedureListOrder Order { get; private set; } = new(ProcedureSort.Name, null, false);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Query = ListQuery.Words(Query, 200);
        Order = ProcedureListOrder.Resolve(HttpContext, ranking, Query, Sort);
        Result = await procedures.ListAsync(new ProcedureFilter(Query, ListQuery.Filter(Field), ListQuery.Filter(Level), AgencyId, ListQuery.Filter(Subject), Online,
            Order.Sort, ListQuery.Page(PageNumber), Ranking: Order.Ranking), ct);
        if (PageNumber > Result.Page.PageCount) return NotFound();
        return Page();
    }

    /// <summary>This list's URL with one page number, keeping every filter.</summary>
    public string PageUrl => ListQuery.Url(PublicPaths.Procedures,
        ("q", Query), ("linh-vuc", Field), ("cap", Level), ("co-quan", AgencyId?.ToString()),
        ("doi-tuong", Subject), ("truc-tuyen", Online?.ToString()), ("sap-xep", Sort?.ToString()));
}
