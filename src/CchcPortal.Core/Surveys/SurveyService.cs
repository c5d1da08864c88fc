using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Surveys;

/// <summary>Takes a citizen's rating: validates it, resolves the procedure, flags statistical bursts, saves it.</summary>
public sealed class SurveyService(PortalDbContext db, ChangeFeed feed, TimeProvider time, SurveySettings settings)
{
    private static readonly TimeSpan Baseline = TimeSpan.FromDays(30);

    public async Task<OperationResult<SurveyResponse>> SubmitAsync(SurveySubmission input, CancellationToken ct = default)
    {
        var errors = input.Validate();
        if (input.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, ct))
            errors.Add(nameof(input.AgencyId), "Cơ quan đã chọn không còn trong danh bạ; vui lòng chọn lại.");
        var procedureId = errors.Any ? null : await ResolveProcedureAsync(input, errors, ct);
        if (errors.Any) return OperationResult<SurveyResponse>.Invalid(errors);

        var now = time.GetUtcNow().UtcDateTime;
        var local = VnFormat.ToLocal(now);
        var comment = SurveySubmission.CleanComment(input.Comment);
        var response = new SurveyResponse
        {
            AgencyId = input.AgencyId!.Value, ProcedureId = procedureId, Channel = input.Channel!.Value,
            AccessRating = input.AccessRating!.Value, ProcedureRating = input.ProcedureRating!.Value, OfficialRating = input.OfficialRating!.Value,
            ResultRating = input.ResultRating!.Value, FeedbackRating = input.FeedbackRating!.Value,
            SubmittedAt = now, Month = local.Year * 100 + local.Month,
            Status = await IsBurstAsync(input.AgencyId.Value, now, ct) ? SurveyResponseStatus.Flagged : SurveyResponseStatus.Counted,
            Comment = comment, CommentStatus = comment.Length > 0 ? SurveyCommentStatus.Pending : SurveyCommentStatus.None,
        };
        db.Set<SurveyResponse>().Add(response);
        feed.Announce(SurveyKinds.Response, response, "submit");
        await db.SaveChangesAsync(ct);
        return OperationResult<SurveyResponse>.Ok(response);
    }

    /// <summary>
    /// A burst: this response would make more than the minimum within the window, and more than the factor times what the
    /// agency usually receives in such a window (over the 30 days before it). Counted on what arrived, whatever its status,
    /// so a burst stays flagged while it lasts.
    /// </summary>
    private async Task<bool> IsBurstAsync(int agencyId, DateTime now, CancellationToken ct)
    {
        var window = TimeSpan.FromMinutes(Math.Max(1, settings.BurstWindowMinutes));
        var windowStart = now - window;
        var responses = db.Set<SurveyResponse>().Where(r => r.AgencyId == agencyId);
        var recent = await responses.CountAsync(r => r.SubmittedAt >= windowStart, ct) + 1;
        if (recent <= settings.BurstMinimum) return false;
        var baselineStart = windowStart - Baseline;
        var before = await responses.CountAsync(r => r.SubmittedAt >= baselineStart && r.SubmittedAt < windowStart, ct);
        var usual = before * (window / Baseline);
        return recent > settings.BurstFactor * usual;
    }

    /// <summary>A code, or a name (or a part of it, without marks) that picks one procedure, preferring the agency's own.</summary>
    private async Task<int?> ResolveProcedureAsync(SurveySubmission input, ValidationErrors errors, CancellationToken ct)
    {
        var typed = VietnameseText.Normalize(input.Procedure);
        if (typed.Length == 0) return null;
        var byCode = await db.Procedures.Where(p => p.Code == typed).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (byCode is not null) return byCode;
        var agencyId = input.AgencyId!.Value;
        var own = await db.Procedures.Where(p => p.AgencyLinks.Any(l => l.AgencyId == agencyId)).Select(p => new { p.Id, p.Code, p.Name }).ToListAsync(ct);
        var candidates = own.Count > 0 ? own : await db.Procedures.Select(p => new { p.Id, p.Code, p.Name }).ToListAsync(ct);
        var folded = VietnameseText.Fold(typed);
        var exact = candidates.Where(p => VietnameseText.Fold(p.Name) == folded).ToList();
        var matches = exact.Count > 0 ? exact : candidates.Where(p => VietnameseText.Fold(p.Name).Contains(folded, StringComparison.Ordinal)).ToList();
        if (matches.Count == 1) return matches[0].Id;
        if (matches.Count == 0)
            errors.Add(nameof(input.Procedure), "Không tìm thấy thủ tục này. Hãy ghi mã thủ tục (ví dụ 1.001193), một phần tên thủ tục, hoặc để trống.");
        else
            errors.Add(nameof(input.Procedure), $"Có {matches.Count} thủ tục khớp, ví dụ: "
                + string.Join("; ", matches.Take(3).Select(m => $"{HtmlText.Truncate(m.Name, 80)} (mã {m.Code})")) + ". Hãy ghi mã thủ tục hoặc tên đầy đủ hơn, hoặc để trống.");
        return null;
    }
}
