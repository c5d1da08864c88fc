using CchcPortal.Core.Common;
using CchcPortal.Core.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Pages.Search;

/// <summary>Interim search over news titles and summaries, diacritics-insensitive; full-text search replaces it.</summary>
public sealed class IndexModel(PostQueries posts) : PageModel
{
    public const int MaxQueryLength = 200;
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;
    public PagedResult<PostCard>? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = VietnameseText.Normalize(Query);
        if (q.Length > MaxQueryLength) q = q[..MaxQueryLength];
        Query = q;
        if (q.Length > 0) Result = await posts.SearchAsync(q, Math.Max(1, PageNumber), ct: ct);
    }
}
