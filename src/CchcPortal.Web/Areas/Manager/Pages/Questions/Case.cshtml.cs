using CchcPortal.Core.Agencies;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using CchcPortal.Web.Features.Questions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Areas.Manager.Pages.Questions;

public sealed class CaseModel(CaseHandlingService cases, AgencyQueries agencies, UserManager<PortalUser> users, CaseAttachmentStore attachments,
    AnswerFileService answerFiles, RelatedProcedures procedures, TimeProvider time, AuditLog audit) : ManagerPageModel
{
    [BindProperty] public CaseActionInput Input { get; set; } = new();
    /// <summary>Files to send with the answer (the answer-files form).</summary>
    [BindProperty] public List<IFormFile> AnswerFiles { get; set; } = [];
    public RelatedProcedure? Procedure { get; private set; }
    public QuestionCase Case { get; private set; } = null!;
    public CaseHandlingService.Staff Staff { get; private set; } = null!;
    /// <summary>The active agencies a case may be assigned to.</summary>
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    /// <summary>Names of every agency, closed ones included: a case may name one closed since.</summary>
    private Dictionary<int, string> _agencyNames = [];
    /// <summary>Personal data the scan finds in what approval would publish (title, public question, draft answer).</summary>
    public IReadOnlyList<PersonalDataWarning> Warnings { get; private set; } = [];
    /// <summary>The public answer page as approval would publish it; only for the head who may approve.</summary>
    public PublicAnswer? Preview { get; private set; }

    /// <summary>The page shows the asker's name, phone, e-mail and address: every view is in the audit log.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        await RecordViewAsync(ct);
        return ShowPage();
    }

    /// <summary>Every rendering of the page shows the asker's data, a refused form shown again included.</summary>
    private Task RecordViewAsync(CancellationToken ct) =>
        audit.RecordAsync(AuditActions.CasePersonalDataViewed, Target, $"Xem hồ sơ {Case.Code} (họ tên, điện thoại, thư điện tử, địa chỉ của người gửi)", ct: ct);

    private string Target => $"QuestionCase:{Case.Id}";

    /// <summary>The fields a staff move may change, as they were before it (for the audit log's before/after).</summary>
    private static QuestionCase Copy(QuestionCase c) => new()
    {
        Status = c.Status, AgencyId = c.AgencyId, RejectionReason = c.RejectionReason, DuplicateOfCode = c.DuplicateOfCode,
        IsPublished = c.IsPublished, SignedBy = c.SignedBy, PublicContent = c.PublicContent, DraftHtml = c.DraftHtml, AnswerHtml = c.AnswerHtml,
    };

    /// <summary>What the move changed; texts that may hold personal data only as their length and hash.</summary>
    private static AuditChanges Difference(QuestionCase before, QuestionCase after) => new AuditChanges()
        .Field("Status", before.Status.ToString(), after.Status.ToString()).Field("AgencyId", before.AgencyId, after.AgencyId)
        .Field("RejectionReason", before.RejectionReason?.ToString(), after.RejectionReason?.ToString())
        .Field("DuplicateOfCode", before.DuplicateOfCode, after.DuplicateOfCode).Field("IsPublished", before.IsPublished, after.IsPublished)
        .Field("SignedBy", before.SignedBy, after.SignedBy).Field("PublicContent", AuditValue.Digest(before.PublicContent), AuditValue.Digest(after.PublicContent))
        .Field("DraftHtml", AuditValue.Digest(before.DraftHtml), AuditValue.Digest(after.DraftHtml))
        .Field("AnswerHtml", AuditValue.Digest(before.AnswerHtml), AuditValue.Digest(after.AnswerHtml));

    /// <summary>A citizen's attachment, for staff who may see the case; always downloaded, never rendered inline.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(int id, int attachmentId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Case.Attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } row || attachments.Open(row) is not { } stream) return NotFound();
        await audit.RecordAsync(AuditActions.AttachmentDownloaded, Target, $"Tải tệp đính kèm số {row.Id} của người gửi hồ sơ {Case.Code}", ct: ct);
        Response.Headers.CacheControl = "private, no-store";
        return File(stream, row.ContentType, row.FileName);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, forUpdate: true) is { } denied) return denied;
        var before = Copy(Case);
        var result = await cases.ApplyAsync(Case, Input, Staff, ct);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, "Input.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await RecordViewAsync(ct);
            return ShowPage();
        }
        var changes = Difference(before, Case).Field("Note", null, Input.Note is { Length: > 0 } note ? AuditValue.Digest(note) : null);
        await audit.RecordAsync(AuditActions.CaseChanged, Target, $"Hồ sơ {Case.Code}: {CaseWorkflow.ActionText(Input.Action)}", changes, ct);
        Flash($"Đã {CaseWorkflow.ActionText(Input.Action)}.");
        return RedirectToPage(new { id });
    }

    public bool CanEditAnswerFiles => AnswerFileService.CanEdit(Staff, Case);

    public async Task<IActionResult> OnPostAnswerFilesAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, forUpdate: true) is { } denied) return denied;
        // Refused before any file is checked or written; the service checks again.
        if (!CanEditAnswerFiles) return await AnswerFilesRefusedAsync([AnswerFileService.AttachNotAllowed], ct);
        var (files, errors) = await attachments.CheckAsync(AnswerFiles, ct);
        if (errors.Any) return await AnswerFilesRefusedAsync(errors.All.Select(e => e.Value), ct);
        var stored = await attachments.WriteAsync(files, ct);
        var result = await answerFiles.AddAsync(Case, stored, Staff, ct);
        if (!result.Succeeded)
        {
            attachments.Delete(stored);
            return await AnswerFilesRefusedAsync(result.Errors.All.Select(e => e.Value), ct);
        }
        await audit.RecordAsync(AuditActions.CaseChanged, Target, $"Hồ sơ {Case.Code}: đính kèm {stored.Count} tệp vào câu trả lời",
            new AuditChanges().Field("AnswerFiles", null, string.Join(", ", stored.Select(f => $"{f.ContentType} {CchcPortal.Core.Common.VnFormat.FileSize(f.Length)}"))), ct);
        Flash($"Đã đính kèm {stored.Count} tệp vào câu trả lời.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAnswerFileAsync(int id, int attachmentId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, forUpdate: true) is { } denied) return denied;
        var (removed, error) = await answerFiles.RemoveAsync(Case, attachmentId, Staff, ct);
        if (removed is null) return await AnswerFilesRefusedAsync([error!], ct);
        attachments.Delete([removed]);
        await audit.RecordAsync(AuditActions.CaseChanged, Target, $"Hồ sơ {Case.Code}: gỡ tệp số {removed.Id} khỏi câu trả lời", ct: ct);
        Flash($"Đã gỡ tệp “{removed.FileName}”.");
        return RedirectToPage(new { id });
    }

    private async Task<PageResult> AnswerFilesRefusedAsync(IEnumerable<string> messages, CancellationToken ct)
    {
        foreach (var message in messages) ModelState.AddModelError(nameof(AnswerFiles), message);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await RecordViewAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct, bool forUpdate = false)
    {
        if (await StaffContext.ForAsync(User, users) is not { } staff) return Challenge();
        Staff = staff;
        if (await (forUpdate ? cases.GetForUpdateAsync(id, ct) : cases.GetAsync(id, ct)) is not { } c) return NotFound();
        // A plain 403 (not a redirect to the sign-in flow): the user is signed in, just not for this agency.
        if (!CaseHandlingService.CanSee(staff, c)) return StatusCode(StatusCodes.Status403Forbidden);
        Case = c;
        var all = await agencies.AllAsync(includeInactive: true, ct);
        Agencies = all.Where(a => a.IsActive).ToList();
        _agencyNames = all.ToDictionary(a => a.Id, a => a.Name);
        Procedure = await procedures.ByIdAsync(c.ProcedureId, ct);
        return null;
    }

    /// <summary>
    /// The page, with the public part checked: warnings for the responder who submits for approval and for the head,
    /// and for the head the preview of exactly what "Phê duyệt" publishes (with the public question as typed, if refused).
    /// </summary>
    private IActionResult ShowPage()
    {
        var actions = AvailableActions().ToList();
        var approving = actions.Contains(CaseAction.Approve);
        if (!approving && !actions.Contains(CaseAction.SubmitForApproval) && Case.Status != CaseStatus.AwaitingApproval) return Page();
        var typed = Request.Method == HttpMethods.Post && Input.Action == CaseAction.Approve ? Input : new CaseActionInput();
        var question = CaseHandlingService.PublicContentOnApproval(Case, typed);
        if (Case.ConsentToPublish) Warnings = PersonalDataScan.Warnings(Case, question, Case.DraftHtml);
        if (approving)
        {
            var agency = AgencyName(Case.AgencyId);
            Preview = PublishedAnswers.ToPublic(Case, agency, time.GetUtcNow().UtcDateTime) with
            {
                Question = question, AnswerHtml = Case.DraftHtml, SignedBy = CaseHandlingService.Signature(Staff, agency),
            };
        }
        return Page();
    }

    public string AgencyName(int? id) => id is { } a ? _agencyNames.GetValueOrDefault(a, "") : "";

    /// <summary>
    /// The agency the assign/transfer form selects: what the moderator just chose when the move was refused,
    /// otherwise the citizen's suggestion (unless the case is already there).
    /// </summary>
    public int? PreselectedAgency(CaseAction action, CaseActionInput typed) =>
        typed.AgencyId ?? (action == CaseAction.Reassign && Case.SuggestedAgencyId == Case.AgencyId ? null : Case.SuggestedAgencyId);

    public IEnumerable<CaseAction> AvailableActions() => CaseWorkflow.ActionsFrom(Case.Status, Staff.ActsAs);
}
