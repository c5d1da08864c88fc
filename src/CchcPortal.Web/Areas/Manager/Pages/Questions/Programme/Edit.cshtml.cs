using CchcPortal.Core.Questions;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Questions.Programme;

/// <summary>Create and edit an episode; publish/unpublish, delete, and link the cases answered on air.</summary>
public sealed class EditModel(ProgrammeEpisodeService service, ProgrammeEpisodeQueries queries) : ManagerPageModel
{
    [BindProperty] public ProgrammeEpisodeInput Input { get; set; } = new();
    [BindProperty] public string? LinkCode { get; set; }
    [BindProperty] public bool ConfirmDelete { get; set; }

    public ProgrammeEpisode? Existing { get; private set; }
    public IReadOnlyList<LinkedCase> Linked { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } episodeId && !await LoadAsync(episodeId, fillInput: true, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        if (ModelState[$"{nameof(Input)}.{nameof(Input.AiredOn)}"]?.Errors.Count > 0)
        {
            // A hand-typed value the date field could not read: say so in Vietnamese rather than the binder's English.
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.AiredOn)}");
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.AiredOn)}", "Ngày phát sóng không hợp lệ.");
            return await RedisplayAsync(id, ct, keepTyped: true);
        }
        var result = await service.SaveAsync(id, Input, ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input.");
            return await RedisplayAsync(id, ct, keepTyped: true);
        }
        Flash(result.Value!.IsPublished ? "Đã lưu; trang công khai đã được cập nhật." : "Đã lưu. Số chương trình chưa công bố.");
        return RedirectToPage(new { id = result.Value.Id });
    }

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) => PublishAsync(id, true, ct);
    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) => PublishAsync(id, false, ct);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!ConfirmDelete)
        {
            ModelState.AddModelError(nameof(ConfirmDelete), "Hãy đánh dấu ô xác nhận trước khi xóa.");
            return await RedisplayAsync(id, ct);
        }
        if (!await service.DeleteAsync(id, ct)) return NotFound();
        Flash("Đã xóa số chương trình. Các hồ sơ gắn kèm vẫn được giữ nguyên.");
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostLinkAsync(int id, CancellationToken ct)
    {
        var result = await service.LinkCaseAsync(id, LinkCode, ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            foreach (var (_, message) in result.Errors.All) ModelState.AddModelError(nameof(LinkCode), message);
            return await RedisplayAsync(id, ct);
        }
        Flash($"Đã gắn hồ sơ {result.Value}.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlinkAsync(int id, int caseId, CancellationToken ct)
    {
        if (!await service.UnlinkCaseAsync(id, caseId, ct)) return NotFound();
        Flash("Đã gỡ hồ sơ khỏi số chương trình.");
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> PublishAsync(int id, bool publish, CancellationToken ct)
    {
        var result = await service.SetPublishedAsync(id, publish, ct);
        if (result.NotFound) return NotFound();
        Flash(publish ? "Đã công bố số chương trình trên cổng thông tin." : "Đã gỡ số chương trình khỏi cổng thông tin.");
        return RedirectToPage(new { id });
    }

    /// <summary>The form again with its errors (422); what was typed stays, except on actions that do not post the form.</summary>
    private async Task<IActionResult> RedisplayAsync(int? id, CancellationToken ct, bool keepTyped = false)
    {
        if (id is { } episodeId && !await LoadAsync(episodeId, fillInput: !keepTyped, ct)) return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, bool fillInput, CancellationToken ct)
    {
        Existing = await queries.GetAsync(id, ct);
        if (Existing is null) return false;
        Linked = await queries.LinkedCasesAsync(id, ct);
        if (fillInput)
            Input = new ProgrammeEpisodeInput
            {
                AiredOn = Existing.AiredOn, Topic = Existing.Topic, Participants = Existing.Participants,
                SummaryHtml = Existing.SummaryHtml, VideoUrl = Existing.VideoUrl,
            };
        return true;
    }
}
