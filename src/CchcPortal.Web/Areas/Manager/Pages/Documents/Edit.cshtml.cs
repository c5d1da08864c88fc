using CchcPortal.Core.Documents;
using CchcPortal.Web.Features.Documents;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Documents;

/// <summary>Create and edit a văn bản; publish/unpublish, delete; its files and its relations to other documents.</summary>
public sealed class EditModel(DocumentService service, DocumentManagerQueries queries, DocumentFileUploads uploads) : ManagerPageModel
{
    [BindProperty] public DocumentInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public DocumentRelationKind RelationKind { get; set; } = DocumentRelationKind.Implements;
    [BindProperty] public string? RelationNumber { get; set; }
    [BindProperty] public int? RelationTargetId { get; set; }
    [BindProperty] public bool ConfirmDelete { get; set; }

    public DocumentEditView? Existing { get; private set; }
    public IReadOnlyList<string> Fields { get; private set; } = [];
    public IReadOnlyList<string> Issuers { get; private set; } = [];
    /// <summary>The document that already has the typed number and issuer, linked from the error.</summary>
    public LegalDocument? Duplicate { get; private set; }
    public IReadOnlyList<LegalDocument> ReplacementChoices { get; private set; } = [];
    public IReadOnlyList<LegalDocument> RelationChoices { get; private set; } = [];
    /// <summary>Documents recorded as replaced by this one, when a deletion was refused because of them.</summary>
    public IReadOnlyList<LegalDocument> DeleteBlockers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } documentId && !await LoadAsync(documentId, fillInput: true, ct)) return NotFound();
        await LoadListsAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct) => SaveAsync(id, publish: false, ct);
    public Task<IActionResult> OnPostSavePublishAsync(int? id, CancellationToken ct) => SaveAsync(id, publish: true, ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, service.SetPublishedAsync(id, true, ct), "Đã công bố văn bản trên cổng thông tin.", ct);

    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) =>
        ActAsync(id, service.SetPublishedAsync(id, false, ct), "Đã gỡ văn bản khỏi cổng thông tin.", ct);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!ConfirmDelete)
        {
            ModelState.AddModelError(nameof(ConfirmDelete), "Xóa văn bản: hãy đánh dấu ô xác nhận trước khi xóa.");
            return await RedisplayAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
        }
        var outcome = await service.DeleteAsync(id, ct);
        if (outcome.NotFound) return NotFound();
        if (!outcome.Succeeded)
        {
            AddErrors(outcome.Errors);
            DeleteBlockers = outcome.Blockers;
            return await RedisplayAsync(id, StatusCodes.Status409Conflict, ct);
        }
        Flash("Đã xóa văn bản. Các tệp đính kèm vẫn còn trong thư viện tệp.");
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostAttachAsync(int id, CancellationToken ct) =>
        await ActAsync(id, uploads.AttachAsync(id, Upload, ActorName, ct), "Đã đính kèm tệp.", ct);

    public Task<IActionResult> OnPostMoveFileAsync(int id, int fileId, bool up, CancellationToken ct) =>
        ActAsync(id, service.MoveFileAsync(id, fileId, up, ct), "Đã đổi thứ tự tệp.", ct);

    public Task<IActionResult> OnPostRemoveFileAsync(int id, int fileId, CancellationToken ct) =>
        ActAsync(id, service.RemoveFileAsync(id, fileId, ct), "Đã gỡ tệp khỏi văn bản (tệp vẫn còn trong thư viện tệp).", ct);

    public async Task<IActionResult> OnPostAddRelationAsync(int id, CancellationToken ct)
    {
        var outcome = await service.AddRelationAsync(id, RelationKind, RelationNumber, RelationTargetId, ct);
        RelationChoices = outcome.Choices;
        return await FinishAsync(id, outcome, "Đã thêm văn bản liên quan.", ct);
    }

    public Task<IActionResult> OnPostRemoveRelationAsync(int id, int relationId, CancellationToken ct) =>
        ActAsync(id, service.RemoveRelationAsync(id, relationId, ct), "Đã gỡ quan hệ.", ct);

    private async Task<IActionResult> SaveAsync(int? id, bool publish, CancellationToken ct)
    {
        foreach (var field in new[] { nameof(Input.IssuedOn), nameof(Input.EffectiveOn) })
        {
            // A hand-typed date the field could not read: say so in Vietnamese rather than the binder's English.
            var key = $"{nameof(Input)}.{field}";
            if (ModelState[key]?.Errors.Count > 0)
            {
                ModelState.Remove(key);
                ModelState.AddModelError(key, field == nameof(Input.IssuedOn) ? "Ngày ban hành không hợp lệ." : "Ngày hiệu lực không hợp lệ.");
            }
        }
        if (!ModelState.IsValid) return await RedisplayAsync(id, StatusCodes.Status422UnprocessableEntity, ct, keepTyped: true);

        var outcome = await service.SaveAsync(id, Input, ct);
        if (outcome.NotFound) return NotFound();
        if (!outcome.Succeeded)
        {
            AddErrors(outcome.Errors, "Input.");
            Duplicate = outcome.Duplicate;
            ReplacementChoices = outcome.Choices;
            return await RedisplayAsync(id, StatusCodes.Status422UnprocessableEntity, ct, keepTyped: true);
        }
        var saved = outcome.Document!;
        if (publish) await service.SetPublishedAsync(saved.Id, true, ct);
        Flash(publish ? "Đã lưu và công bố văn bản." : saved.IsPublished ? "Đã lưu; trang công khai đã được cập nhật." : "Đã lưu. Văn bản chưa công bố.");
        return RedirectToPage(new { id = saved.Id });
    }

    private async Task<IActionResult> ActAsync(int id, Task<DocumentOutcome> action, string done, CancellationToken ct) =>
        await FinishAsync(id, await action, done, ct);

    private async Task<IActionResult> FinishAsync(int id, DocumentOutcome outcome, string done, CancellationToken ct)
    {
        if (outcome.NotFound) return NotFound();
        if (!outcome.Succeeded)
        {
            AddErrors(outcome.Errors);
            return await RedisplayAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
        }
        Flash(done);
        return RedirectToPage(new { id });
    }

    /// <summary>The page again with its errors; what was typed in the main form stays when it was the form posted.</summary>
    private async Task<IActionResult> RedisplayAsync(int? id, int status, CancellationToken ct, bool keepTyped = false)
    {
        if (id is { } documentId && !await LoadAsync(documentId, fillInput: !keepTyped, ct)) return NotFound();
        await LoadListsAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, bool fillInput, CancellationToken ct)
    {
        Existing = await queries.GetAsync(id, ct);
        if (Existing is null) return false;
        if (fillInput)
        {
            var d = Existing.Document;
            Input = new DocumentInput
            {
                Number = d.Number, Unnumbered = d.Number.Length == 0, DocType = d.DocType, Issuer = d.Issuer,
                IssuedOn = d.IssuedOn, EffectiveOn = d.EffectiveOn, Signer = d.Signer, Summary = d.Summary, Field = d.Field,
                Status = d.Status, ReplacedByNumber = Existing.ReplacedBy?.Number, ReplacedById = d.ReplacedById, BodyHtml = d.BodyHtml,
            };
        }
        return true;
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Fields = await queries.FieldsAsync(ct);
        Issuers = await queries.IssuersAsync(ct);
    }
}
