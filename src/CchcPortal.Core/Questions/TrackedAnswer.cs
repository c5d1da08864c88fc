using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>
/// The answer as its own citizen reads it on the tracking page, published or not: the sanitized answer, the head's
/// signature (title, name, agency), the date, and the public page when the answer is published.
/// </summary>
public sealed record TrackedAnswer(string AnswerHtml, string SignedBy, string AgencyName, DateTime AnsweredAt, string? PublicPath);

/// <summary>The tracking view's answer; only for a case already found by code and secret (<see cref="QuestionService.TrackAsync"/>).</summary>
public sealed class TrackedAnswers(PortalDbContext db)
{
    public async Task<TrackedAnswer?> ForAsync(QuestionCase tracked, CancellationToken ct = default)
    {
        if (tracked.Status != CaseStatus.Answered || tracked.AnsweredAt is not { } answeredAt) return null;
        var agency = tracked.AgencyId is { } id
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? ""
            : "";
        return new TrackedAnswer(tracked.AnswerHtml, tracked.SignedBy, agency, answeredAt,
            tracked.IsPublished ? PublicPaths.Answer(tracked.Code) : null);
    }
}
