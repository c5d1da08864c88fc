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
    [FromQuery(Name = "co-quan")] public int? AgencyId { get; set; }
    [FromQuery(Name = "linh-vuc")] public string? Field { get; set; }
    [FromQuery(Name = "loai")] public CaseKind? Kind { get; set; }
    [FromQuery(Name = "nam")] public int? Year { get; set; }
    public PagedResult<PublicAnswer> Result { get; private set; } = null!;
    public (IReadOnlyList<(int Id, string Name)> Agencies, IReadOnlyList<string> Fields, IReadOnlyList<int> Years) Facets { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Facets = await answers.FacetsAsync(ct);
        Result = await answers.ListAsync(AgencyId, ListQuery.Page(PageNumber), ct: ct, field: Field, kind: Kind, year: ListQuery.Year(Year));
    }

    public string BasePath => PublicPaths.Answers + "?" + string.Join("&", new[]
    {
        AgencyId is { } a ? $"co-quan={a}" : null, string.IsNullOrEmpty(Field) ? null : $"linh-vuc={Uri.EscapeDataString(Field)}",
        Kind is { } k ? $"loai={k}" : null, Year is { } y ? $"nam={y}" : null,
    }.Where(p => p is not null));
}
