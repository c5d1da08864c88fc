using CchcPortal.Core.Surveys;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Surveys;

/// <summary>Administrators publish a year's measured results into SIPAS (the departments' ranking), replacing its sample data.</summary>
public sealed class PublishModel(SipasPublisher publisher, SurveyResults results, TimeProvider time) : ManagerPageModel
{
    [BindProperty] public int Year { get; set; }
    public IReadOnlyList<AgencySatisfaction> Rows { get; private set; } = [];
    public int Minimum => results.MinimumResponses;

    public async Task OnGetAsync(int? nam, CancellationToken ct)
    {
        Year = Features.Surveys.SurveyYear.IsPlausible(nam) ? nam ?? Features.Surveys.SurveyYear.Current(time) : Features.Surveys.SurveyYear.Current(time);
        Rows = await results.YearAsync(Year, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await publisher.PublishAsync(Year, ct);
        if (outcome.Succeeded)
        {
            var p = outcome.Value!;
            Flash($"Đã công bố SIPAS {p.Year} của {p.Published} cơ quan (thay {p.RemovedSamples} dòng dữ liệu mẫu; {p.NotEnough} cơ quan chưa đủ dữ liệu).");
            return Redirect($"{CchcPortal.Core.Common.PublicPaths.Indices}/{SipasPublisher.IndexCode}/{p.Year}?pham-vi={CchcPortal.Core.Indices.IndexScopes.Departments}");
        }
        foreach (var (field, message) in outcome.Errors.All) ModelState.AddModelError(field, message);
        Rows = await results.YearAsync(Year, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
