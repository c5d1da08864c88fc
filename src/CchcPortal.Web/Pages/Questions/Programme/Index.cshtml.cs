using CchcPortal.Core.Common;
using CchcPortal.Core.Questions;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Questions.Programme;

/// <summary>The programme "Dân hỏi – Thủ trưởng trả lời": what it is, its hotline, and its published episodes.</summary>
[OutputCache(PolicyName = CachePolicies.Questions)]
public sealed class IndexModel(ProgrammeEpisodeQueries episodes) : PageModel
{
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;
    public PagedResult<EpisodeCard> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Result = await episodes.PublishedAsync(ListQuery.Page(PageNumber), ct: ct);
}
