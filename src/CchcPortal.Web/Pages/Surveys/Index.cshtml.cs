using CchcPortal.Core.Surveys;
using CchcPortal.Web.Features.Surveys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Surveys;

/// <summary>The year's results per agency and dimension: counted responses only.</summary>
[OutputCache(PolicyName = SurveyPaths.CachePolicy)]
public sealed class IndexModel(SurveyResults results, TimeProvider time) : PageModel
{
    [FromQuery(Name = "nam")] public int? Year { get; set; }
    public int ShownYear { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<AgencySatisfaction> Rows { get; private set; } = [];
    public int Minimum => results.MinimumResponses;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!SurveyYear.IsPlausible(Year)) return NotFound();
        ShownYear = Year ?? SurveyYear.Current(time);
        Years = await results.YearsAsync(ct);
        Rows = await results.YearAsync(ShownYear, ct);
        return Page();
    }
}
