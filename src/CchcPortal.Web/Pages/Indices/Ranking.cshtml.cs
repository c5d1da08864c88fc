using CchcPortal.Core.Indices;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Indices;

[OutputCache(PolicyName = CachePolicies.Indices)]
public sealed class RankingModel(IndexQueries indices) : PageModel
{
    [FromQuery(Name = "pham-vi")] public string? Scope { get; set; }
    [FromQuery(Name = "sap-xep")] public string? Sort { get; set; }
    public RankingTable Table { get; private set; } = null!;
    public IReadOnlyList<RankedResult> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, int year, CancellationToken ct)
    {
        var table = await indices.RankingAsync(code, year, Scope, ct);
        if (table is null || (Scope is not null && !table.Scopes.Contains(Scope))) return NotFound();
        Table = table;
        Rows = Sort == "ten"
            ? table.Rows.OrderBy(r => r.Result.SubjectName, StringComparer.Create(CchcPortal.Core.Common.VnFormat.Culture, true)).ToList()
            : table.Rows;
        return Page();
    }
}
