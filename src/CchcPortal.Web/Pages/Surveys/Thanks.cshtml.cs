using CchcPortal.Core.Data;
using CchcPortal.Web.Features.Surveys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Web.Pages.Surveys;

/// <summary>The thanks after a saved response: the same for everyone (nothing of the response is on it), so it is cached.</summary>
[OutputCache(PolicyName = SurveyPaths.CachePolicy)]
public sealed class ThanksModel(PortalDbContext db) : PageModel
{
    public (string Name, string Slug)? Agency { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "co-quan")] string? slug, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(slug)) return;
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Slug == slug).Select(a => new { a.Name, a.Slug }).FirstOrDefaultAsync(ct);
        if (agency is not null) Agency = (agency.Name, agency.Slug);
    }
}
