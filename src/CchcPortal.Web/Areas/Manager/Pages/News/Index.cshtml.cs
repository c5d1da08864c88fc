using CchcPortal.Core.Common;
using CchcPortal.Core.News;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.News;

public sealed class IndexModel(PostManagerQueries posts, PostQueries publicPosts) : ManagerPageModel
{
    [FromQuery(Name = "status")] public PublicationStatus? Status { get; set; }
    [FromQuery(Name = "chuyen-muc")] public int? CategoryId { get; set; }
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;

    public PagedResult<ManagerPostRow> Result { get; private set; } = null!;
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Categories = await publicPosts.CategoriesAsync(ct);
        Result = await posts.ListAsync(new ManagerPostFilter(Status, CategoryId, Query, ListQuery.Page(PageNumber)), ct);
    }

    public string PageHref(int page) =>
        $"/quan-tri/bai-viet?status={Status}&chuyen-muc={CategoryId}&q={Uri.EscapeDataString(Query ?? "")}&trang={page}";
}
