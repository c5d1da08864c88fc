using CchcPortal.Core.Common;
using CchcPortal.Core.Questions;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Questions;

[OutputCache(PolicyName = CachePolicies.Questions)]
public sealed class AnswersModel(PublishedAnswers answers) : PageModel
{
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;
    public PagedResult<PublicAnswer> Result { get; private set; } = null!;
    public async Task OnGetAsync(CancellationToken ct) => Result = await answers.ListAsync(null, PageNumber, ct: ct);
}
