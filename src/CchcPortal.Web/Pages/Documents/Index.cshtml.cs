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
        Query = VietnameseText.Normalize(Query) is { Length: > 0 } q ? q[..Math.Min(q.Length, 200)] : null;
        Result = await documents.ListAsync(new DocumentFilter(Query, Empty(DocType), Empty(Issuer), Year, Empty(Field), Status, Math.Max(1, PageNumber)), ct);
        if (PageNumber > Result.Page.PageCount) return NotFound();
        return Page();
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : VietnameseText.Normalize(s);

    public string PageUrl => "/van-ban?" + string.Join("&", new[]
    {
        Param("q", Query), Param("loai", DocType), Param("co-quan", Issuer), Param("nam", Year?.ToString()),
        Param("linh-vuc", Field), Param("hieu-luc", Status?.ToString()),
    }.Where(p => p is not null));

    private static string? Param(string name, string? value) => string.IsNullOrEmpty(value) ? null : $"{name}={Uri.EscapeDataString(value)}";
}
