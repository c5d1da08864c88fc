using CchcPortal.Core.Documents;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Documents;

[OutputCache(PolicyName = CachePolicies.Documents)]
public sealed class DetailsModel(DocumentQueries documents) : PageModel
{
    public DocumentPage Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await documents.BySlugAsync(slug, ct) is not { } page) return NotFound();
        Data = page;
        return Page();
    }
}
