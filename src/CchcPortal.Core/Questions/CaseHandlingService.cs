using System.Text.RegularExpressions;
using CchcPortal.Core.Common;
using CchcPortal.Core.Content;
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
}

/// <summary>
/// Applies workflow moves for staff, checks they may see the case (responders and heads only their agency's),
/// keeps deadlines, and audits every move with who, when and why.
/// </summary>
public sealed partial class CaseHandlingService(PortalDbContext db, RichTextSanitizer sanitizer, TimeProvider time, ContentChangeBroadcaster broadcaster, CaseMail mail)
{
    public sealed record Staff(string UserId, string Name, string JobTitle, int? AgencyId, bool IsModerator, bool IsResponder, bool IsHead);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(VnFormat.ToLocal(Now));

    public static bool CanSee(Staff staff, QuestionCase c) => staff.IsModerator || (c.AgencyId is { } a && a == staff.AgencyId && (staff.IsResponder || staff.IsHead));

    public async Task<IReadOnlyList<QuestionCase>> QueueAsync(Staff staff, CaseStatus? status, CancellationToken ct = default)
    {
        var q = db.QuestionCases.AsNoTracking();
        if (!staff.IsModerator) q = q.Where(c => c.AgencyId == staff.AgencyId && c.AgencyId != null);
        if (status is { } s) q = q.Where(c => c.Status == s);
        var list = await q.ToListAsync(ct);
        return list.OrderByDescending(c => c.IsOverdue(Today)).ThenBy(c => c.AnswerDue ?? c.ModerationDue).ThenBy(c => c.Id).ToList();
    }

    public Task<QuestionCase?> GetAsync(int id, CancellationToken ct = default) =>
        db.QuestionCases.AsNoTracking().Include(c => c.Events.OrderBy(e => e.At)).FirstOrDefaultAsync(c => c.Id == id, ct);

    public async Task<OperationResult<QuestionCase>> ApplyAsync(int id, CaseActionInput input, Staff staff, CancellationToken ct = default)
    {
        var c = await db.QuestionCases.Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return OperationResult<QuestionCase>.Missing();
        if (!CanSee(staff, c)) return OperationResult<QuestionCase>.Fail("", "Bạn không có quyền xử lý hồ sơ của cơ quan khác.");
        var actor = input.Action switch
        {
            CaseAction.Accept or CaseAction.Reject or CaseAction.Assign or CaseAction.Reassign => staff.IsModerator ? CaseActor.Moderator : CaseActor.Citizen,
            CaseAction.ReturnToDrafting or CaseAction.Approve => staff.IsHead ? CaseActor.AgencyHead : CaseActor.Citizen,
            _ => staff.IsResponder || staff.IsHead ? CaseActor.AgencyResponder : CaseActor.Citizen,
        };
        var (next, refusal) = CaseWorkflow.Next(c.Status, input.Action, actor);
        if (next is null) return OperationResult<QuestionCase>.Fail("", refusal!);

        var holidays = new WorkingCalendar(await db.Holidays.Select(h => h.Date).ToListAsync(ct));
        var note = VietnameseText.Normalize(input.Note);
        switch (input.Action)
        {
            case CaseAction.Reject:
                if (input.Reason is null) return OperationResult<QuestionCase>.Fail(nameof(input.Reason), "Vui lòng chọn lý do không tiếp nhận.");
                if (input.Reason == RejectionReason.Duplicate)
                {
                    var original = (input.DuplicateOf ?? "").Trim().ToUpperInvariant();
                    if (!await db.QuestionCases.AnyAsync(x => x.Code == original && x.Id != id, ct))
                        return OperationResult<QuestionCase>.Fail(nameof(input.DuplicateOf), "Hồ sơ trùng cần mã hồ sơ gốc đã có.");
                    c.DuplicateOfCode = original;
                }
                c.RejectionReason = input.Reason;
                break;
            case CaseAction.Accept:
                c.PublicContent = Redact(c.Content);
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
                c.DraftHtml = sanitizer.Sanitize(input.DraftHtml ?? c.DraftHtml);
                if (HtmlText.ToPlainText(c.DraftHtml).Length < 10) return OperationResult<QuestionCase>.Fail(nameof(input.DraftHtml), "Vui lòng soạn nội dung trả lời.");
                break;
            case CaseAction.ReturnToDrafting:
                if (note.Length == 0) return OperationResult<QuestionCase>.Fail(nameof(input.Note), "Vui lòng ghi ý kiến để cán bộ soạn lại.");
                break;
            case CaseAction.Approve:
                var agency = await db.Agencies.FindAsync([c.AgencyId], ct);
                c.AnswerHtml = c.DraftHtml;
                c.SignedBy = $"{(staff.JobTitle.Length > 0 ? staff.JobTitle + " " : "")}{staff.Name}, {agency?.Name}".Trim(' ', ',');
                c.AnsweredAt = Now;
                if (input.PublicContent is { } edited && edited.Trim().Length > 0) c.PublicContent = VietnameseText.NormalizeLines(edited).Trim();
                c.IsPublished = c.ConsentToPublish;
                break;
        }
        if (input.Action == CaseAction.StartDrafting && input.DraftHtml is not null) c.DraftHtml = sanitizer.Sanitize(input.DraftHtml);

        c.Events.Add(new CaseEvent { At = Now, Actor = staff.Name, Action = CaseWorkflow.ActionText(input.Action), FromStatus = c.Status, ToStatus = next.Value, Note = note });
        c.Status = next.Value;
        db.ContentChanges.Add(new ContentChange { Kind = ContentKinds.Question, EntityId = c.Id, Operation = ChangeOperation.Upsert, At = Now });
        await mail.QueueMoveAsync(c, input.Action, note, ct);
        await db.SaveChangesAsync(ct);
        await broadcaster.PublishAsync(new ContentChangeNotice(ContentKinds.Question, c.Id, input.Action.ToString()), ct);
        return OperationResult<QuestionCase>.Ok(c);
    }

    [GeneratedRegex(@"(\+?84|0)[\d .-]{8,13}\d")] private static partial Regex PhoneLike();
    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")] private static partial Regex EmailLike();

    /// <summary>A first redaction the moderator reviews: phone numbers and e-mail addresses in the text are masked.</summary>
    public static string Redact(string text) => EmailLike().Replace(PhoneLike().Replace(text, "[đã ẩn số điện thoại]"), "[đã ẩn thư điện tử]");
}
