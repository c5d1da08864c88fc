using CchcPortal.Core.Indices;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Indices;

/// <summary>One year's criteria tree: field → criterion → sub-criterion, each with its maximum.</summary>
public sealed class YearModel(IndexDefinitionService definitions) : ManagerPageModel
{
    public const int BlankRows = 5;
    public IndexDefinition Index { get; private set; } = null!;
    [BindProperty] public IndexYearInput Input { get; set; } = new();
    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int? year, [FromQuery(Name = "nam")] int? newYear, CancellationToken ct)
    {
        if (await definitions.IndexAsync(code, ct) is not { } index) return NotFound();
        Index = index;
        var target = year ?? newYear;
        if (target is null) return RedirectToPage("Definition", new { code });
        var existing = (await definitions.YearsAsync(index.Id, ct)).FirstOrDefault(y => y.Year == target);
        IsNew = existing is null;
        Input = new IndexYearInput
        {
            Year = target.Value, TotalIsSumOfFields = existing?.TotalIsSumOfFields ?? true, MaxTotal = existing?.MaxTotal ?? 100,
            Criteria = (existing?.Criteria.OrderBy(c => c.SortOrder).Select(c => new CriterionInput { Code = c.Code, Name = c.Name, ParentCode = c.ParentCode, MaxScore = c.MaxScore }) ?? [])
                .Concat(Enumerable.Range(0, BlankRows).Select(_ => new CriterionInput())).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await definitions.IndexAsync(code, ct) is not { } index) return NotFound();
        Index = index;
        var result = await definitions.SaveYearAsync(code, Input, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input.");
            while (Input.Criteria.Count(c => c.IsBlank) < BlankRows) Input.Criteria.Add(new CriterionInput());
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Flash($"Đã lưu bộ tiêu chí năm {Input.Year}.");
        return Redirect($"/quan-tri/chi-so/{code}/nam/{Input.Year}");
    }
}
