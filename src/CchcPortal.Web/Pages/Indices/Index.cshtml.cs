using CchcPortal.Core.Indices;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Indices;

[OutputCache(PolicyName = CachePolicies.Indices)]
public sealed class IndexModel(IndexQueries indices, CchcPortal.Core.Settings.SiteSettingsService settings) : PageModel
{
    public IReadOnlyList<(IndexDefinition Index, int Year, IndexResult? National, IndexResult? Top)> Overview { get; private set; } = [];
    public RankingTable? Departments { get; private set; }
    public string OurName { get; private set; } = "";
    public SubjectProfile? Ours { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overview = await indices.OverviewAsync(ct);
        OurName = (await settings.GetAsync(ct)).IndexSubjectName;
        if (OurName.Length > 0) Ours = await indices.SubjectAsync(CchcPortal.Core.Common.SlugGenerator.Slugify(OurName), ct);
        Departments = await indices.RankingAsync("PAR_INDEX", 2024, IndexScopes.Departments, ct);
        if (Departments?.Rows.Count == 0) Departments = null;
    }
}
