using CchcPortal.Core.Common;
using CchcPortal.Core.Documents;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Plans;

/// <summary>/ke-hoach-tuyen-truyen/{year}: each plan's activities and what was published under each one.</summary>
[OutputCache(PolicyName = CachePolicies.Documents)]
public sealed class YearModel(PlanQueries plans) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<PlanView> Plans { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        Years = await plans.YearsAsync(ct);
        if (year is null) return Years.Count == 0 ? NotFound() : Redirect(PublicPaths.PlanYear(Years[0]));
        Year = year.Value;
        Plans = await plans.ForYearAsync(Year, ct);
        return Plans.Count == 0 ? NotFound() : Page();
    }
}
