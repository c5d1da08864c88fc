using CchcPortal.Core.Common;
using CchcPortal.Core.Identity;
using CchcPortal.Core.News;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.News;

/// <summary>The news list with the workflow's queues as tabs; a contributor sees only their own posts.</summary>
public sealed class IndexModel(PostManagerQueries posts, PostQueries publicPosts, UserManager<PortalUser> users) : ManagerPageModel
{
    [FromQuery(Name = "status")] public PublicationStatus? Status { get; set; }
    [FromQuery(Name = "chuyen-muc")] public int? CategoryId { get; set; }
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "cua-toi")] public bool Mine { get; set; }
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;

    public PagedResult<ManagerPostRow> Result { get; private set; } = null!;
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public Dictionary<PublicationStatus, int> Counts { get; private set; } = [];
    public int MineCount { get; private set; }
    public bool IsContributorOnly { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await NewsActors.ForAsync(User, users);
        IsContributorOnly = actor.IsContributorOnly;
        Categories = await publicPosts.CategoriesAsync(ct);
        var author = IsContributorOnly || Mine ? actor.UserId ?? "" : null;
        Counts = await posts.CountsByStatusAsync(ct, IsContributorOnly ? actor.UserId ?? "" : null);
        MineCount = (await posts.CountsByStatusAsync(ct, actor.UserId ?? "")).Values.Sum();
        Result = await posts.ListAsync(new ManagerPostFilter(Status, CategoryId, Query, ListQuery.Page(PageNumber), AuthorId: author), ct);
    }

    public string PageHref(int page) =>
        $"/quan-tri/bai-viet?status={Status}&chuyen-muc={CategoryId}&q={Uri.EscapeDataString(Query ?? "")}&cua-toi={Mine}&trang={page}";
}
