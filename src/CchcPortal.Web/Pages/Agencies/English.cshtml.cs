using CchcPortal.Core.Agencies;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Agencies;

/// <summary>English version of organisation and contact details (Decree 42/2022).</summary>
[OutputCache(PolicyName = CachePolicies.Directory)]
public sealed class EnglishModel(AgencyQueries agencies) : PageModel
{
    public IReadOnlyList<DirectoryGroup> Groups { get; private set; } = [];
    public async Task OnGetAsync(CancellationToken ct) => Groups = await agencies.DirectoryAsync(null, ct);
}
