using CchcPortal.Core.Surveys;
using CchcPortal.Web.Features.Surveys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Surveys;

/// <summary>One agency's year: per dimension, per month, and the comments moderators approved.</summary>
[OutputCache(PolicyName = SurveyPaths.CachePolicy)]
public sealed class AgencyModel(SurveyResults results, TimeProvider time) : PageModel
{
    [FromQuery(Name = "nam")] public int? Year { get; set; }
    public int ShownYear { get; private set; }
    public AgencySurveyReport Report { get; private set; } = null!;
    public int Minimum => results.MinimumResponses;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!SurveyYear.IsPlausible(Year)) return NotFound();
        ShownYear = Year ?? SurveyYear.Current(time);
        var report = await results.AgencyAsync(slug, ShownYear, ct);
        if (report is null) return NotFound();
        Report = report;
        return Page();
    }
}
