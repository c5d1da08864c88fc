using System.Security.Cryptography;
using System.Text;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

public sealed record SubmittedCase(string Code, string Secret, DateOnly ModerationDue);

/// <summary>What the citizen of a merged duplicate may know about the case it was merged into.</summary>
public sealed record MergedInto(string Code, string Title, CaseStatus Status, bool IsPublished);

/// <summary>Receives citizens' cases and lets them follow one by code and secret.</summary>
public sealed class QuestionService(PortalDbContext db, TimeProvider time, CaseMail mail)
{
    /// <summary>The channel of cases received through the programme "Dân hỏi – Thủ trưởng trả lời".</summary>
    public const string ProgrammeChannel = "tv-program";

    /// <param name="episodeId">For a case received through the TV/radio programme: the episode it came in (ignored for other channels).</param>
    public async Task<OperationResult<SubmittedCase>> SubmitAsync(QuestionSubmission input, string channel = "web", IReadOnlyList<CaseAttachment>? attachments = null, int? episodeId = null, CancellationToken ct = default)
    {
        if (channel != ProgrammeChannel) episodeId = null;
        var errors = await ValidateAsync(input, channel, episodeId, ct);
        if (errors.Any) return OperationResult<SubmittedCase>.Invalid(errors);

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(VnFormat.ToLocal(now));
        var calendar = await WorkingCalendar.LoadAsync(db, ct);
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var procedureCode = (input.ProcedureCode ?? "").Trim();
        var procedureId = procedureCode.Length is > 0 and <= 40
            ? await db.Procedures.Where(p => p.Code == procedureCode).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct)
            : null;
        var @case = new QuestionCase
        {
            Kind = input.Kind, SuggestedAgencyId = input.AgencyId, Field = VietnameseText.Normalize(input.Field),
            Title = VietnameseText.Normalize(input.Title), Content = VietnameseText.NormalizeLines(input.Content).Trim(),
            SubmitterName = VietnameseText.Normalize(input.Name), SubmitterPhone = VietnameseText.Normalize(input.Phone),
            SubmitterEmail = VietnameseText.Normalize(input.Email), SubmitterArea = VietnameseText.Normalize(input.Area),
            ConsentToPublish = input.ConsentToPublish, ProcedureId = procedureId, Channel = channel, EpisodeId = episodeId, Status = CaseStatus.Submitted, SubmittedAt = now,
            ModerationDue = DeadlinePolicy.Default.ModerationDue(calendar, today),
            SecretHash = Hash(secret),
            Attachments = attachments?.ToList() ?? [],
        };
        @case.Events.Add(new CaseEvent { At = now, Actor = "Người gửi", Action = "Gửi", ToStatus = CaseStatus.Submitted, Note = $"Kênh: {channel}" });

        // Codes count up per year. SQLite serialises writers; on PostgreSQL, nodes take turns under an advisory lock held
        // until the insert commits (without it, concurrent submissions collided on the code, and a citizen could get a
        // 500 after three). The unique index still catches any race, and we retry.
        for (var attempt = 0; ; attempt++)
        {
            await using var turn = await CaseCodeTurn.TakeAsync(db, ct);
            var year = VnFormat.ToLocal(now).Year;
            var prefix = $"HD-{year}-";
            var last = await db.QuestionCases.Where(c => c.Code.StartsWith(prefix)).OrderByDescending(c => c.Code).Select(c => c.Code).FirstOrDefaultAsync(ct);
            var next = last is null ? 1 : int.Parse(last[prefix.Length..]) + 1;
            @case.Code = $"{prefix}{next:000000}";
            try
            {
                db.QuestionCases.Add(@case);
                await mail.QueueSubmittedAsync(@case, secret, ct);
                await db.SaveChangesAsync(ct);
                await turn.CommitAsync(ct);
                return OperationResult<SubmittedCase>.Ok(new SubmittedCase(@case.Code, secret, @case.ModerationDue));
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Forget the case, its events and its mail (which quotes the code), and try the next code.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Every check <see cref="SubmitAsync"/> makes before saving; a caller that stores files for the case asks first,
    /// so a refused submission writes nothing.
    /// </summary>
    public async Task<ValidationErrors> ValidateAsync(QuestionSubmission input, string channel = "web", int? episodeId = null, CancellationToken ct = default)
    {
        var errors = input.Validate();
        if (channel == ProgrammeChannel && episodeId is { } e && !await db.ProgrammeEpisodes.AnyAsync(x => x.Id == e, ct))
            errors.Add("EpisodeId", "Chương trình đã chọn không còn trong danh sách.");
        if (input.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, ct))
            errors.Add(nameof(input.AgencyId), "Cơ quan đã chọn không còn trong danh bạ.");
        return errors;
    }

    /// <summary>The case when code and secret match; null otherwise (nothing tells which one was wrong).</summary>
    public async Task<QuestionCase?> TrackAsync(string? code, string? secret, CancellationToken ct = default)
    {
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        var found = await db.QuestionCases.AsNoTracking().Include(c => c.Events.OrderBy(e => e.At)).FirstOrDefaultAsync(c => c.Code == normalized, ct);
        var expected = Encoding.ASCII.GetBytes(found?.SecretHash ?? Hash("no-case"));
        var given = Encoding.ASCII.GetBytes(Hash((secret ?? "").Trim().ToLowerInvariant()));
        return CryptographicOperations.FixedTimeEquals(expected, given) && found is not null ? found : null;
    }

    /// <summary>The open case a duplicate was merged into: its title only when its answer is public.</summary>
    public async Task<MergedInto?> MergedIntoAsync(QuestionCase duplicate, CancellationToken ct = default)
    {
        if (duplicate.DuplicateOfCode.Length == 0) return null;
        var o = await db.QuestionCases.AsNoTracking().Where(c => c.Code == duplicate.DuplicateOfCode)
            .Select(c => new { c.Code, c.Title, c.Status, c.IsPublished }).FirstOrDefaultAsync(ct);
        return o is null ? null : new MergedInto(o.Code, o.IsPublished ? o.Title : "", o.Status, o.IsPublished);
    }

    /// <summary>The longest reason a citizen may give for withdrawing (stored as the event's note, shown in the history).</summary>
    public const int MaxWithdrawReason = 1000;

    /// <summary>The citizen's own moves, authorised by code and secret: add the information asked for, or withdraw.</summary>
    public async Task<OperationResult<QuestionCase>> CitizenActAsync(string? code, string? secret, CaseAction action, string? text, CancellationToken ct = default)
    {
        if (await TrackAsync(code, secret, ct) is not { } found) return OperationResult<QuestionCase>.Fail("", "Mã hồ sơ hoặc mã bí mật không đúng. Vui lòng kiểm tra lại.");
        var (next, refusal) = CaseWorkflow.Next(found.Status, action, CaseActor.Citizen);
        if (next is null) return OperationResult<QuestionCase>.Fail("", refusal!);
        var note = VietnameseText.NormalizeLines(text).Trim();
        if (action == CaseAction.ProvideInformation && note.Length < 5) return OperationResult<QuestionCase>.Fail("Text", "Vui lòng nhập thông tin bổ sung.");
        if (action == CaseAction.Withdraw && note.Length > MaxWithdrawReason) return OperationResult<QuestionCase>.Fail("Text", ValidationErrors.TooLong("Lý do rút", MaxWithdrawReason));
        if (note.Length > QuestionSubmission.MaxContent) return OperationResult<QuestionCase>.Fail("Text", ValidationErrors.TooLong("Thông tin bổ sung", QuestionSubmission.MaxContent));
        var c = await db.QuestionCases.FirstAsync(x => x.Id == found.Id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (action == CaseAction.ProvideInformation)
        {
            c.Content += $"\n\n[Bổ sung {VnFormat.DateTime(now)}]\n{note}";
            // The answer clock paused while waiting: push the deadline by the working days spent waiting.
            var asked = await db.CaseEvents.Where(e => e.CaseId == c.Id && e.ToStatus == CaseStatus.NeedsInformation).OrderByDescending(e => e.At).Select(e => e.At).FirstOrDefaultAsync(ct);
            if (c.AnswerDue is { } due && asked != default)
            {
                var calendar = await WorkingCalendar.LoadAsync(db, ct);
                var waited = calendar.WorkingDaysBetween(DateOnly.FromDateTime(VnFormat.ToLocal(asked)), DateOnly.FromDateTime(VnFormat.ToLocal(now)));
                c.AnswerDue = calendar.AddWorkingDays(due, waited);
            }
        }
        db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = now, Actor = "Người gửi", Action = CaseWorkflow.ActionText(action), FromStatus = c.Status, ToStatus = next.Value, Note = action == CaseAction.Withdraw ? note : "" });
        c.Status = next.Value;
        await mail.QueueMoveAsync(c, action, note, ct);
        await db.SaveChangesAsync(ct);
        return OperationResult<QuestionCase>.Ok(c);
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
