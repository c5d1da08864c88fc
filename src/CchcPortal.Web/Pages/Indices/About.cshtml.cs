using CchcPortal.Core.Indices;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Indices;

[OutputCache(PolicyName = CachePolicies.Indices)]
public sealed class AboutModel(IndexQueries indices) : PageModel
{
    public IReadOnlyList<IndexDefinition> Indices { get; private set; } = [];
    public async Task OnGetAsync(CancellationToken ct) => Indices = await indices.IndicesAsync(ct);
}
