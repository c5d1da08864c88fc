using CchcPortal.Core.Agencies;
using CchcPortal.Core.Common;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Agencies;

public sealed class EditModel(AgencyQueries agencies, AgencyService service) : ManagerPageModel
{
    public const int HotlineRows = 5;
    [BindProperty] public AgencyInput Input { get; set; } = new();
    public Agency? Existing { get; private set; }
    public IReadOnlyList<AdministrativeLevel> Levels { get; private set; } = [];
    public IReadOnlyList<Agency> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } agencyId)
        {
            Existing = await agencies.ByIdAsync(agencyId, ct);
            if (Existing is null) return NotFound();
            var a = Existing;
            Input = new AgencyInput
            {
                Name = a.Name, ShortName = a.ShortName, Slug = a.Slug, EnglishName = a.EnglishName, LevelId = a.LevelId, Kind = a.Kind,
                ParentId = a.ParentId, Address = a.Address, EnglishAddress = a.EnglishAddress, MapUrl = a.MapUrl, Phone = a.Phone,
                Email = a.Email, Website = a.Website, WorkingHours = a.WorkingHours, EnglishWorkingHours = a.EnglishWorkingHours,
                HeadName = a.HeadName, HeadTitle = a.HeadTitle, IsActive = a.IsActive, SuccessorId = a.SuccessorId,
                IsSampleData = a.IsSampleData, SortOrder = a.SortOrder,
                Hotlines = a.Hotlines.OrderBy(h => h.SortOrder).Select(h => new HotlineInput { Purpose = h.Purpose, Number = h.Number, IsFeatured = h.IsFeatured, Source = h.Source }).ToList(),
            };
        }
        await LoadListsAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var result = id is { } agencyId ? await service.UpdateAsync(agencyId, Input, ct) : await service.CreateAsync(Input, ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input.");
            if (id is { } existingId) Existing = await agencies.ByIdAsync(existingId, ct);
            await LoadListsAsync(id, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Flash($"Đã lưu {result.Value!.Name}.");
        return RedirectToPage(new { id = result.Value.Id });
    }

    private async Task LoadListsAsync(int? id, CancellationToken ct)
    {
        Levels = await agencies.LevelsAsync(ct);
        Others = (await agencies.AllAsync(includeInactive: true, ct)).Where(a => a.Id != id).ToList();
        while (Input.Hotlines.Count < HotlineRows) Input.Hotlines.Add(new HotlineInput());
    }
}
