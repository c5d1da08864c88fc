using CchcPortal.Core.Questions;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Questions;

[OutputCache(PolicyName = CachePolicies.Questions)]
public sealed class StatisticsModel(QuestionStatistics statistics, TimeProvider time) : PageModel
{
    [FromQuery(Name = "nam")] public int? Year { get; set; }
    public QuestionStats Stats { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var year = ListQuery.Year(Year) ?? CchcPortal.Core.Common.VnFormat.ToLocal(time.GetUtcNow().UtcDateTime).Year;
        Stats = await statistics.ForYearAsync(year, ct);
    }
}
