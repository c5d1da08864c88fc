using CchcPortal.Core.Agencies;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Agencies;

[OutputCache(PolicyName = CachePolicies.Directory)]
public sealed class HotlinesModel(AgencyQueries agencies) : PageModel
{
    [FromQuery(Name = "q")] public string? Filter { get; set; }
    public IReadOnlyList<HotlineBoardEntry> Board { get; private set; } = [];
    public IReadOnlyList<DirectoryGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = ListQuery.Words(Filter, 100);
        Board = await agencies.HotlineBoardAsync(ct);
        Groups = await agencies.DirectoryAsync(Filter, ct);
    }
}
