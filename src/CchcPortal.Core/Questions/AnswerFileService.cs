using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>
/// Files the agency sends back with its answer (<see cref="AttachmentOrigin.Agency"/>): the responder adds and removes
/// them while drafting, the head while deciding on the draft. Once approved, only the asker downloads them, from the
/// tracking page with code and secret; the public answer page never lists them (an official reply often names the asker).
/// </summary>
public sealed class AnswerFileService(PortalDbContext db, TimeProvider time, ChangeFeed feed)
{
    public const int MaxFiles = 5;
    public const string AttachNotAllowed = "Chỉ cán bộ đang soạn trả lời (hoặc thủ trưởng khi duyệt) mới được đính kèm tệp.";

    public static bool CanEdit(CaseHandlingService.Staff staff, QuestionCase c) =>
        CaseHandlingService.CanSee(staff, c)
        && ((c.Status == CaseStatus.Drafting && staff.ActsAs(CaseActor.AgencyResponder))
            || (c.Status == CaseStatus.AwaitingApproval && staff.ActsAs(CaseActor.AgencyHead)));

    /// <param name="c">The case as <see cref="CaseHandlingService.GetForUpdateAsync"/> loaded it.</param>
    /// <param name="files">Checked files already written by the store; the caller deletes them when this fails.</param>
    public async Task<OperationResult<QuestionCase>> AddAsync(QuestionCase c, IReadOnlyList<CaseAttachment> files, CaseHandlingService.Staff staff, CancellationToken ct = default)
    {
        if (!CanEdit(staff, c)) return OperationResult<QuestionCase>.Fail("AnswerFiles", AttachNotAllowed);
        if (files.Count == 0) return OperationResult<QuestionCase>.Fail("AnswerFiles", "Vui lòng chọn tệp cần đính kèm.");
        if (c.AnswerFiles.Count() + files.Count > MaxFiles)
            return OperationResult<QuestionCase>.Fail("AnswerFiles", $"Câu trả lời chỉ được kèm tối đa {MaxFiles} tệp.");
        foreach (var file in files)
        {
            file.Origin = AttachmentOrigin.Agency;
            c.Attachments.Add(file);
        }
        Audit(c, staff, "đính kèm tệp trả lời", string.Join(", ", files.Select(f => f.FileName)));
        await db.SaveChangesAsync(ct);
        return OperationResult<QuestionCase>.Ok(c);
    }

    /// <returns>The removed row, whose stored file the caller deletes; null with the refusal otherwise.</returns>
    public async Task<(CaseAttachment? Removed, string? Error)> RemoveAsync(QuestionCase c, int attachmentId, CaseHandlingService.Staff staff, CancellationToken ct = default)
    {
        if (!CanEdit(staff, c)) return (null, "Chỉ cán bộ đang soạn trả lời (hoặc thủ trưởng khi duyệt) mới được gỡ tệp.");
        if (c.AnswerFiles.FirstOrDefault(a => a.Id == attachmentId) is not { } row) return (null, "Không tìm thấy tệp cần gỡ.");
        c.Attachments.Remove(row);
        db.CaseAttachments.Remove(row);
        Audit(c, staff, "gỡ tệp trả lời", row.FileName);
        await db.SaveChangesAsync(ct);
        return (row, null);
    }

    /// <summary>The files of an approved answer, for its asker (a case found by code and secret).</summary>
    public async Task<IReadOnlyList<CaseAttachment>> ForTrackedAsync(QuestionCase tracked, CancellationToken ct = default) =>
        tracked.Status != CaseStatus.Answered ? []
        : await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == tracked.Id && a.Origin == AttachmentOrigin.Agency).OrderBy(a => a.Id).ToListAsync(ct);

    private void Audit(QuestionCase c, CaseHandlingService.Staff staff, string action, string note)
    {
        var now = time.GetUtcNow().UtcDateTime;
        c.Events.Add(new CaseEvent { At = now, Actor = staff.Name, Action = action, FromStatus = c.Status, ToStatus = c.Status, Note = note });
        feed.Record(ContentKinds.Question, c.Id, ChangeOperation.Upsert, action);
    }
}
