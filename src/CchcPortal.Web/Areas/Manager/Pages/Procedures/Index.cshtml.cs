using CchcPortal.Web.Infrastructure;
using CchcPortal.Core.Procedures;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Procedures;

public sealed class IndexModel(ProcedureQueries procedures) : ManagerPageModel
{
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;
    public ProcedureListResult Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await procedures.ListAsync(new ProcedureFilter(Query, Sort: ProcedureSort.Code, Page: ListQuery.Page(PageNumber), PageSize: 50), ct);
}
