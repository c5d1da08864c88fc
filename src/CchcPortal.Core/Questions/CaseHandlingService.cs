using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>Staff acting on a case: a move of <see cref="CaseWorkflow"/> plus what it carries.</summary>
public sealed class CaseActionInput
{
    public CaseAction Action { get; set; }
    public int? AgencyId { get; set; }
    public string? Note { get; set; }
    public string? DraftHtml { get; set; }
    public string? PublicContent { get; set; }
    public RejectionReason? Reason { get; set; }
    public string? DuplicateOf { get; set; }
    /// <summary>The head checked the public part the scan warned about: "Tôi đã kiểm tra, nội dung công khai không còn thông tin cá nhân".</summary>
    public bool ConfirmedNoPersonalData { get; set; }

    public const int MaxNote = 4_000, MaxDraftHtml = 200_000, MaxPublicContent = 50_000, MaxDuplicateOf = 40;

    public ValidationErrors Validate()
    {
        var e = new ValidationErrors();
        e.MaxLength(nameof(Note), Note, MaxNote, "Ghi chú, lý do");
        e.MaxLength(nameof(DraftHtml), DraftHtml, MaxDraftHtml, "Nội dung trả lời");
        e.MaxLength(nameof(PublicContent), PublicContent, MaxPublicContent, "Nội dung công khai");
        e.MaxLength(nameof(DuplicateOf), DuplicateOf?.Trim(), MaxDuplicateOf, "Mã hồ sơ gốc");
        return e;
    }
}

/// <summary>
/// Applies workflow moves for staff, checks they may see the case (responders and heads only their agency's),
/// keeps deadlines, and audits every move with who, when and why.
/// </summary>
public sealed class CaseHandlingService(PortalDbContext db, RichTextSanitizer sanitizer, TimeProvider time, ChangeFeed feed, CaseMail mail)
{
    public sealed record Staff(string UserId, string Name, string JobTitle, int? AgencyId, bool IsModerator, bool IsResponder, bool IsHead)
    {
        /// <summary>
        /// The one rule between staff roles and the actors of <see cref="CaseWorkflow"/>: a head also does a responder's
        /// work, and staff never act as the citizen (who acts through the tracking code and secret).
        /// </summary>
        public bool ActsAs(CaseActor actor) => actor switch
        {
            CaseActor.Moderator => IsModerator,
            CaseActor.AgencyResponder => IsResponder || IsHead,
            CaseActor.AgencyHead => IsHead,
            _ => false,
        };
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(VnFormat.ToLocal(Now));

    /// <summary>
    /// Moderators see every case; an agency's responders and heads only the cases a moderator accepted and assigned to
    /// it (a complaint about an official must not reach the official's agency unscreened). The agency the citizen chose
    /// is only a suggestion (<see cref="QuestionCase.SuggestedAgencyId"/>) and gives no access.
    /// </summary>
    public static bool CanSee(Staff staff, QuestionCase c) =>
        staff.IsModerator || (IsAssigned(c) && c.AgencyId == staff.AgencyId && (staff.IsResponder || staff.IsHead));

    private static bool IsAssigned(QuestionCase c) => c.AgencyId is not null && c.AssignedAt is not null && c.Status != CaseStatus.Submitted && c.Status != CaseStatus.Accepted;

    public async Task<IReadOnlyList<QuestionCase>> QueueAsync(Staff staff, CaseStatus? status, CancellationToken ct = default)
    {
        var q = db.QuestionCases.AsNoTracking();
        // The agency inbox: the same rule as CanSee, as a query.
        if (!staff.IsModerator)
            q = q.Where(c => (staff.IsResponder || staff.IsHead) && c.AgencyId == staff.AgencyId && c.AgencyId != null && c.AssignedAt != null
                && c.Status != CaseStatus.Submitted && c.Status != CaseStatus.Accepted);
        if (status is { } s) q = q.Where(c => c.Status == s);
        var list = await q.ToListAsync(ct);
        return list.OrderByDescending(c => c.IsOverdue(Today)).ThenBy(c => c.AnswerDue ?? c.ModerationDue).ThenBy(c => c.Id).ToList();
    }

    public Task<QuestionCase?> GetAsync(int id, CancellationToken ct = default) => WithHistory().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The case as <see cref="GetAsync"/> loads it, but tracked: what a staff POST hands to <see cref="ApplyAsync"/>.</summary>
    public Task<QuestionCase?> GetForUpdateAsync(int id, CancellationToken ct = default) => WithHistory().FirstOrDefaultAsync(c => c.Id == id, ct);

    private IQueryable<QuestionCase> WithHistory() =>
        db.QuestionCases.Include(c => c.Events.OrderBy(e => e.At)).Include(c => c.Attachments).AsSplitQuery();

    /// <param name="c">The case as <see cref="GetForUpdateAsync"/> loaded it; changed only when the move succeeds.</param>
    public async Task<OperationResult<QuestionCase>> ApplyAsync(QuestionCase c, CaseActionInput input, Staff staff, CancellationToken ct = default)
    {
        if (!CanSee(staff, c)) return OperationResult<QuestionCase>.Fail("", "Bạn không có quyền xử lý hồ sơ của cơ quan khác.");
        if (input.Validate() is { Any: true } tooLong) return OperationResult<QuestionCase>.Invalid(tooLong);
        var (next, refusal) = CaseWorkflow.Next(c.Status, input.Action, staff.ActsAs);
        if (next is null) return OperationResult<QuestionCase>.Fail("", refusal!);

        var holidays = await WorkingCalendar.LoadAsync(db, ct);
        var note = VietnameseText.Normalize(input.Note);
        switch (input.Action)
        {
            case CaseAction.Reject:
                if (input.Reason is null) return OperationResult<QuestionCase>.Fail(nameof(input.Reason), "Vui lòng chọn lý do không tiếp nhận.");
                if (input.Reason == RejectionReason.Duplicate && await MergeIntoAsync(c, input.DuplicateOf, staff, ct) is { } mergeError)
                    return OperationResult<QuestionCase>.Fail(nameof(input.DuplicateOf), mergeError);
                c.RejectionReason = input.Reason;
                break;
            case CaseAction.Merge:
                if (await MergeIntoAsync(c, input.DuplicateOf, staff, ct) is { } error)
                    return OperationResult<QuestionCase>.Fail(nameof(input.DuplicateOf), error);
                c.RejectionReason = RejectionReason.Duplicate;
                break;
            case CaseAction.Accept:
                c.PublicContent = PersonalDataScan.Redact(c.Content);
                break;
            case CaseAction.Assign or CaseAction.Reassign:
                if (input.AgencyId is not { } agencyId || !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, ct))
                    return OperationResult<QuestionCase>.Fail(nameof(input.AgencyId), "Vui lòng chọn cơ quan xử lý.");
                if (input.Action == CaseAction.Reassign && agencyId == c.AgencyId)
                    return OperationResult<QuestionCase>.Fail(nameof(input.AgencyId), "Hãy chọn một cơ quan khác.");
                c.AgencyId = agencyId;
                c.AssignedAt = Now;
                c.AnswerDue = DeadlinePolicy.Default.AnswerDue(holidays, c.Kind, Today);
                break;
            case CaseAction.RequestInformation:
                if (note.Length == 0) return OperationResult<QuestionCase>.Fail(nameof(input.Note), "Vui lòng ghi rõ thông tin cần người gửi bổ sung.");
                break;
            case CaseAction.SubmitForApproval:
                var draft = SanitizeDraft(input.DraftHtml ?? c.DraftHtml);
                if (HtmlText.ToPlainText(draft).Length < 10) return OperationResult<QuestionCase>.Fail(nameof(input.DraftHtml), "Vui lòng soạn nội dung trả lời.");
                c.DraftHtml = draft;
                break;
            case CaseAction.SaveDraft:
                // As often as needed before "Trình duyệt": each save is in the history.
                c.DraftHtml = SanitizeDraft(input.DraftHtml ?? c.DraftHtml);
                break;
            case CaseAction.ReturnToDrafting:
                if (note.Length == 0) return OperationResult<QuestionCase>.Fail(nameof(input.Note), "Vui lòng ghi ý kiến để cán bộ soạn lại.");
                break;
            case CaseAction.Approve:
                var publicContent = PublicContentOnApproval(c, input);
                if (c.ConsentToPublish && !input.ConfirmedNoPersonalData && PersonalDataScan.Warnings(c, publicContent, c.DraftHtml).Count > 0)
                    return OperationResult<QuestionCase>.Fail(nameof(input.ConfirmedNoPersonalData),
                        "Phần sẽ công khai có thể còn thông tin cá nhân (xem cảnh báo). Hãy sửa nội dung câu hỏi công khai hoặc trả lại để soạn lại; nếu đã kiểm tra và không còn thông tin cá nhân, hãy đánh dấu ô xác nhận.");
                var agency = await db.Agencies.FindAsync([c.AgencyId], ct);
                c.AnswerHtml = c.DraftHtml;
                c.SignedBy = Signature(staff, agency?.Name);
                c.AnsweredAt = Now;
                c.PublicContent = publicContent;
                c.IsPublished = c.ConsentToPublish;
                break;
        }
        if (c.DuplicateOfCode.Length > 0 && note.Length == 0) note = $"Trùng hồ sơ {c.DuplicateOfCode}";
        if (input.Action == CaseAction.StartDrafting && input.DraftHtml is not null) c.DraftHtml = SanitizeDraft(input.DraftHtml);

        c.Events.Add(new CaseEvent { At = Now, Actor = staff.Name, Action = CaseWorkflow.ActionText(input.Action), FromStatus = c.Status, ToStatus = next.Value, Note = note });
        c.Status = next.Value;
        feed.Record(ContentKinds.Question, c.Id, ChangeOperation.Upsert, input.Action.ToString());
        await mail.QueueMoveAsync(c, input.Action, note, ct);
        await db.SaveChangesAsync(ct);
        return OperationResult<QuestionCase>.Ok(c);
    }

    /// <summary>
    /// The editor sends HTML; without JS the textarea sends plain text, whose paragraphs must survive too.
    /// Either way the sanitizer is the gate.
    /// </summary>
    private string SanitizeDraft(string? draft) =>
        sanitizer.Sanitize(HtmlText.HasTags(draft) ? draft : HtmlText.ParagraphsFromPlainText(draft));

    /// <summary>
    /// Closes <paramref name="duplicate"/> into the original case: the original gets the duplicate's text (kept for
    /// the handlers, not published) and its files, and an audit line; the duplicate points at the original.
    /// </summary>
    private async Task<string?> MergeIntoAsync(QuestionCase duplicate, string? originalCode, Staff staff, CancellationToken ct)
    {
        var code = (originalCode ?? "").Trim().ToUpperInvariant();
        var original = await db.QuestionCases.FirstOrDefaultAsync(x => x.Code == code && x.Id != duplicate.Id, ct);
        if (original is null) return "Vui lòng nhập mã hồ sơ gốc đã có (ví dụ HD-2026-000123).";
        // Merging into a case that was itself merged follows it to the case that stays open.
        for (var hops = 0; original.RejectionReason == RejectionReason.Duplicate && original.DuplicateOfCode.Length > 0 && hops < 5; hops++)
            original = await db.QuestionCases.FirstAsync(x => x.Code == original.DuplicateOfCode, ct);
        if (original.Id == duplicate.Id) return "Không thể gộp một hồ sơ vào chính nó.";
        if (original.Status is CaseStatus.Rejected or CaseStatus.Withdrawn) return $"Hồ sơ gốc {original.Code} đã bị từ chối hoặc đã rút; hãy chọn hồ sơ gốc khác.";

        duplicate.DuplicateOfCode = original.Code;
        original.Content += $"\n\n[Gộp từ hồ sơ trùng {duplicate.Code}, gửi {VnFormat.DateTime(duplicate.SubmittedAt)}]\n{duplicate.Content}";
        foreach (var file in await db.CaseAttachments.Where(a => a.CaseId == duplicate.Id && a.Origin == AttachmentOrigin.Citizen).ToListAsync(ct)) file.CaseId = original.Id;
        db.CaseEvents.Add(new CaseEvent { CaseId = original.Id, At = Now, Actor = staff.Name, Action = $"gộp hồ sơ trùng {duplicate.Code}", FromStatus = original.Status, ToStatus = original.Status });
        return null;
    }

    /// <summary>The head's signature under an approved answer: "Giám đốc Trần Văn Giám, Sở Tư pháp".</summary>
    public static string Signature(Staff staff, string? agencyName) =>
        $"{(staff.JobTitle.Length > 0 ? staff.JobTitle + " " : "")}{staff.Name}, {agencyName}".Trim(' ', ',');

    /// <summary>The question text published on approval: what the head typed in the approval form, or the redacted text.</summary>
    public static string PublicContentOnApproval(QuestionCase c, CaseActionInput input) =>
        input.PublicContent is { } edited && edited.Trim().Length > 0 ? VietnameseText.NormalizeLines(edited).Trim() : c.PublicContent;
}
