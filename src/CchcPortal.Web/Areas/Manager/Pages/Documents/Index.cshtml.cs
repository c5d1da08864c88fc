using CchcPortal.Web.Infrastructure;
using CchcPortal.Core.Common;
using CchcPortal.Core.Documents;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Documents;

/// <summary>The library for editors: every document, search by số ký hiệu or trích yếu, filters, paging.</summary>
public sealed class IndexModel(DocumentManagerQueries documents) : ManagerPageModel
{
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "hieu-luc")] public DocumentStatus? Status { get; set; }
    /// <summary>"da-dang" (published) or "chua-dang".</summary>
    [FromQuery(Name = "cong-bo")] public string? Published { get; set; }
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;

    public PagedResult<LegalDocument> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        bool? published = Published switch { "da-dang" => true, "chua-dang" => false, _ => null };
        Result = await documents.ListAsync(new ManagerDocumentFilter(Query, Status, published, ListQuery.Page(PageNumber)), ct);
    }

    public string PageHref(int page) =>
        $"/quan-tri/van-ban?q={Uri.EscapeDataString(Query ?? "")}&hieu-luc={Status}&cong-bo={Uri.EscapeDataString(Published ?? "")}&trang={page}";
}
