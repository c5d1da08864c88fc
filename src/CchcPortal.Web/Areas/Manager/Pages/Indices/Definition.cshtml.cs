using CchcPortal.Core.Indices;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Indices;

/// <summary>What an index measures (editable content) and the list of its years.</summary>
public sealed class DefinitionModel(IndexDefinitionService definitions) : ManagerPageModel
{
    public IndexDefinition Index { get; private set; } = null!;
    public IReadOnlyList<IndexYear> Years { get; private set; } = [];
    [BindProperty] public string? DescriptionHtml { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await definitions.IndexAsync(code, ct) is not { } index) return NotFound();
        Index = index;
        DescriptionHtml = index.DescriptionHtml;
        Years = await definitions.YearsAsync(index.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var result = await definitions.UpdateDescriptionAsync(code, DescriptionHtml, ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            Index = (await definitions.IndexAsync(code, ct))!;
            Years = await definitions.YearsAsync(Index.Id, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Flash("Đã lưu phần giới thiệu chỉ số.");
        return RedirectToPage(new { code });
    }
}
