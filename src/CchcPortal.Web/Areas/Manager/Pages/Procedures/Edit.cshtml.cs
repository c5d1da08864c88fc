using CchcPortal.Core.Agencies;
using CchcPortal.Core.Procedures;
using CchcPortal.Web.Features.Media;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Procedures;

public sealed class EditModel(ProcedureQueries queries, ProcedureService service, AgencyQueries agencies, MediaStore media, MediaLibrary library) : ManagerPageModel
{
    [BindProperty] public ProcedureEditInput Input { get; set; } = new();
    public Procedure Procedure { get; private set; } = null!;
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        Input = InputFrom(Procedure);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        var result = await service.UpdateAsync(Procedure.Id, Input, ActorName, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Flash("Đã lưu thủ tục.");
        return RedirectToPage(new { code = result.Value!.Code });
    }

    public async Task<IActionResult> OnPostFormAsync(string code, int itemId, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("", "Vui lòng chọn tệp mẫu đơn, tờ khai.");
            return Invalid();
        }
        await using var stream = file.OpenReadStream();
        var (stored, error) = await media.SaveDocumentAsync(stream, file.Length, file.FileName, ct);
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            return Invalid();
        }
        var result = await service.AttachFormAsync(Procedure.Id, itemId, stored!.Url, UploadFileName.Clean(file.FileName), ActorName, ct);
        if (!result.NotFound) await library.RegisterAsync(stored, Core.Media.MediaKind.Document, file.FileName, $"Mẫu đơn, tờ khai: {Procedure.Code}", null, ActorName, ct);
        if (result.NotFound) return NotFound();
        Flash("Đã đính kèm mẫu đơn, tờ khai.");
        return RedirectToPage(new { code });
    }

    private IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Input = InputFrom(Procedure);
        return Page();
    }

    public const int BlankRows = 2;

    private static ProcedureEditInput InputFrom(Procedure p) => new()
    {
        Code = p.Code, Name = p.Name, DecisionNumber = p.DecisionNumber, Field = p.Field, ExecutingAgency = p.ExecutingAgency,
        ReceivingAddress = p.ReceivingAddress, Steps = p.Steps, Requirements = p.Requirements, ResultName = p.ResultName,
        OnlineLevel = p.OnlineLevel, OnlineServiceUrl = p.OnlineServiceUrl, Status = p.Status, ReplacedByCode = p.ReplacedByCode,
        EffectiveFrom = p.EffectiveFrom, EffectiveTo = p.EffectiveTo, AgencyIds = p.AgencyLinks.Select(l => l.AgencyId).ToList(),
        Levels = p.LevelList.ToList(), Subjects = string.Join("\n", p.SubjectList),
        Channels = p.Channels.Select(c => new ChannelInput { Kind = c.Kind, TimeValue = c.TimeValue, TimeUnit = c.TimeUnit, TimeText = c.TimeText, Fee = c.Fee, FeeNote = c.FeeNote, Description = c.Description })
            .Concat(Enumerable.Range(0, BlankRows).Select(_ => new ChannelInput())).ToList(),
        Dossier = p.DossierItems.Select(d => new DossierInput { Id = d.Id, Group = d.Group, Name = d.Name, Quantity = d.Quantity })
            .Concat(Enumerable.Range(0, BlankRows).Select(_ => new DossierInput())).ToList(),
        LegalBases = p.LegalBases.Select(l => new LegalInput { Name = l.Name, Number = l.Number })
            .Concat(Enumerable.Range(0, BlankRows).Select(_ => new LegalInput())).ToList(),
    };

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var p = await queries.ByCodeAsync(code, ct);
        if (p is null) return false;
        Procedure = p;
        Agencies = await agencies.AllAsync(includeInactive: false, ct);
        return true;
    }
}
