using CchcPortal.Core.Common;
using CchcPortal.Core.Indices;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Indices;

/// <summary>Enter (or correct) one unit's result by hand; the same checks as an import.</summary>
public sealed class ResultModel(IndexDefinitionService definitions, IndexImporter importer) : ManagerPageModel
{
    public IndexDefinition Index { get; private set; } = null!;
    public IndexYear Year { get; private set; } = null!;
    public ImportReport? Report { get; private set; }
    [BindProperty] public string Scope { get; set; } = IndexScopes.Departments;
    [BindProperty] public Dictionary<string, string> Cells { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, int year, CancellationToken ct) =>
        await LoadAsync(code, year, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, int year, CancellationToken ct)
    {
        if (!await LoadAsync(code, year, ct)) return NotFound();
        var cells = Cells.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value);
        cells.TryAdd(IndexImporter.Name, "");
        Report = await importer.ImportOneAsync(code, year, Scope, cells, ct);
        if (!Report.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Flash(Report.Added > 0 ? "Đã thêm kết quả." : "Đã cập nhật kết quả.");
        return Redirect(PublicPaths.IndexRanking(code, year, Scope));
    }

    private async Task<bool> LoadAsync(string code, int year, CancellationToken ct)
    {
        if (await definitions.IndexAsync(code, ct) is not { } index) return false;
        if ((await definitions.YearsAsync(index.Id, ct)).FirstOrDefault(y => y.Year == year) is not { } y) return false;
        (Index, Year) = (index, y);
        return true;
    }
}
