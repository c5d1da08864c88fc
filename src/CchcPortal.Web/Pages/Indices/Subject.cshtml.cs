using CchcPortal.Core.Indices;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Indices;

[OutputCache(PolicyName = CachePolicies.Indices)]
public sealed class SubjectModel(IndexQueries indices) : PageModel
{
    public SubjectProfile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var profile = await indices.SubjectAsync(slug, ct);
        if (profile is null) return NotFound();
        Profile = profile;
        return Page();
    }
}
