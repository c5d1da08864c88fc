using CchcPortal.Core.Audit;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Surveys;

public sealed record SurveyQueueItem(int Id, string AgencyName, DateTime SubmittedAt, SurveyChannel Channel, string Comment, SurveyResponseStatus Status, double MeanRating);

/// <summary>
/// The moderators' two queues: comments waiting for approval (shown nowhere until approved) and responses flagged as
/// part of a burst (not counted until accepted). Every decision is audited and evicts the cached results.
/// </summary>
public sealed class SurveyModeration(PortalDbContext db, ChangeFeed feed, AuditLog audit, IAuditActor actor, TimeProvider time)
{
    public const int PageSize = 100;

    public Task<List<SurveyQueueItem>> PendingCommentsAsync(CancellationToken ct = default) =>
        Queue(db.Set<SurveyResponse>().Where(r => r.CommentStatus == SurveyCommentStatus.Pending && r.Status != SurveyResponseStatus.Rejected), ct);

    public Task<List<SurveyQueueItem>> FlaggedAsync(CancellationToken ct = default) =>
        Queue(db.Set<SurveyResponse>().Where(r => r.Status == SurveyResponseStatus.Flagged), ct);

    /// <returns>False when there is no such comment waiting.</returns>
    public Task<bool> ReviewCommentAsync(int id, bool approve, CancellationToken ct = default) =>
        ReviewAsync(id, r => r.CommentStatus == SurveyCommentStatus.Pending, r => r.CommentStatus = approve ? SurveyCommentStatus.Approved : SurveyCommentStatus.Rejected,
            AuditActions.SurveyCommentReviewed, approve ? "Duyệt góp ý" : "Không duyệt góp ý", ct);

    /// <returns>False when there is no such flagged response.</returns>
    public Task<bool> ReviewFlaggedAsync(int id, bool accept, CancellationToken ct = default) =>
        ReviewAsync(id, r => r.Status == SurveyResponseStatus.Flagged, r =>
            {
                r.Status = accept ? SurveyResponseStatus.Counted : SurveyResponseStatus.Rejected;
                // A rejected response takes its comment with it.
                if (!accept && r.CommentStatus == SurveyCommentStatus.Pending) r.CommentStatus = SurveyCommentStatus.Rejected;
            },
            AuditActions.SurveyFlagReviewed, accept ? "Chấp nhận phiếu bị gắn cờ" : "Loại phiếu bị gắn cờ", ct);

    private async Task<bool> ReviewAsync(int id, Func<SurveyResponse, bool> waiting, Action<SurveyResponse> decide, string action, string summary, CancellationToken ct)
    {
        var response = await db.Set<SurveyResponse>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (response is null || !waiting(response)) return false;
        decide(response);
        response.ReviewedAt = time.GetUtcNow().UtcDateTime;
        response.ReviewedBy = actor.UserName;
        feed.Announce(SurveyKinds.Response, id, action);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(action, $"survey:{id}", summary, ct: ct);
        return true;
    }

    private async Task<List<SurveyQueueItem>> Queue(IQueryable<SurveyResponse> responses, CancellationToken ct)
    {
        var rows = await responses.AsNoTracking().Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new { r, a.Name })
            .OrderBy(x => x.r.SubmittedAt).Take(PageSize).ToListAsync(ct);
        return rows.Select(x => new SurveyQueueItem(x.r.Id, x.Name, x.r.SubmittedAt, x.r.Channel, x.r.Comment, x.r.Status,
            SurveyDimensions.All.Average(d => x.r.Rating(d.Index)))).ToList();
    }
}
