using CchcPortal.Core.Common;
using CchcPortal.Core.Documents;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Documents;

[OutputCache(PolicyName = CachePolicies.Documents)]
public sealed class IndexModel(DocumentQueries documents) : PageModel
{
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "loai")] public string? DocType { get; set; }
    [FromQuery(Name = "co-quan")] public string? Issuer { get; set; }
    [FromQuery(Name = "nam")] public int? Year { get; set; }
    [FromQuery(Name = "linh-vuc")] public string? Field { get; set; }
    [FromQuery(Name = "hieu-luc")] public DocumentStatus? Status { get; set; }
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;

    public DocumentListResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Query = ListQuery.Words(Query, 200);
        Result = await documents.ListAsync(new DocumentFilter(Query, ListQuery.Filter(DocType), ListQuery.Filter(Issuer), ListQuery.Year(Year), ListQuery.Filter(Field), Status, ListQuery.Page(PageNumber)), ct);
        if (PageNumber > Result.Page.PageCount) return NotFound();
        return Page();
    }

    public string PageUrl => ListQuery.Url(PublicPaths.Documents,
        ("q", Query), ("loai", DocType), ("co-quan", Issuer), ("nam", Year?.ToString()),
        ("linh-vuc", Field), ("hieu-luc", Status?.ToString()));
}
