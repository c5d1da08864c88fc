using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

public sealed record AgencyStats(string Agency, int Received, int Answered, int OnTime, int OverdueNow);

public sealed record QuestionStats(int Received, int Answered, int OnTime, double? MedianDays, int OverdueNow,
    IReadOnlyList<AgencyStats> PerAgency, IReadOnlyList<(int Month, int Received, int Answered)> PerMonth, int Year);

/// <summary>Public statistics: counts only, nothing about who asked.</summary>
public sealed class QuestionStatistics(PortalDbContext db, TimeProvider time)
{
    public async Task<QuestionStats> ForYearAsync(int year, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(VnFormat.ToLocal(time.GetUtcNow().UtcDateTime));
        var (from, to) = VnFormat.YearInUtc(year);
        var cases = await db.QuestionCases.AsNoTracking()
            .Where(c => c.SubmittedAt >= from && c.SubmittedAt < to && c.Status != CaseStatus.Rejected && c.Status != CaseStatus.Withdrawn)
            .Select(c => new { c.AgencyId, c.Status, c.SubmittedAt, c.AnsweredAt, c.AnswerDue, c.ModerationDue }).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        bool Answered(CaseStatus s) => s == CaseStatus.Answered;
        bool OnTime(DateTime? answeredAt, DateOnly? due) => answeredAt is { } at && (due is null || DateOnly.FromDateTime(VnFormat.ToLocal(at)) <= due);
        bool Overdue(CaseStatus s, DateOnly? due, DateOnly moderationDue) =>
            s == CaseStatus.Submitted ? today > moderationDue : CaseWorkflow.ClockRuns(s) && due is { } d && today > d;

        var days = cases.Where(c => c.AnsweredAt is not null).Select(c => (c.AnsweredAt!.Value - c.SubmittedAt).TotalDays).OrderBy(d => d).ToList();
        double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2;
        var perAgency = cases.GroupBy(c => c.AgencyId)
            .Select(g => new AgencyStats(g.Key is { } id ? agencies.GetValueOrDefault(id, "") : "Chưa chuyển cơ quan", g.Count(), g.Count(c => Answered(c.Status)),
                g.Count(c => Answered(c.Status) && OnTime(c.AnsweredAt, c.AnswerDue)), g.Count(c => Overdue(c.Status, c.AnswerDue, c.ModerationDue))))
            .OrderByDescending(a => a.Received).ToList();
        var perMonth = Enumerable.Range(1, 12).Select(m => (m,
            cases.Count(c => VnFormat.ToLocal(c.SubmittedAt).Month == m),
            cases.Count(c => c.AnsweredAt is { } at && VnFormat.ToLocal(at).Month == m && VnFormat.ToLocal(at).Year == year))).ToList();
        return new QuestionStats(cases.Count, cases.Count(c => Answered(c.Status)), cases.Count(c => Answered(c.Status) && OnTime(c.AnsweredAt, c.AnswerDue)),
            median, cases.Count(c => Overdue(c.Status, c.AnswerDue, c.ModerationDue)), perAgency, perMonth, year);
    }
}
