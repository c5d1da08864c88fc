using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

public sealed record AgencyStats(string Agency, int Received, int Answered, int OnTime, int OverdueNow);

public sealed record MonthStats(int Month, int Pending, int Received, int Answered);

/// <param name="Pending">Sent but not yet accepted or refused by the reception desk ("Chờ tiếp nhận").</param>
/// <param name="Received">Accepted by a moderator ("tiếp nhận"): neither pending, rejected nor withdrawn.</param>
/// <param name="MedianDays">Over the answered cases, on the answer list's own figure (<see cref="AnswerTime.DaysTaken"/>).</param>
public sealed record QuestionStats(int Pending, int Received, int Answered, int OnTime, double? MedianDays, int OverdueNow, int Rejected, int Withdrawn,
    IReadOnlyList<AgencyStats> PerAgency, IReadOnlyList<MonthStats> PerMonth, int Year);

/// <summary>
/// Public statistics: counts only, nothing about who asked. Every line counts the cases sent in the year; "tiếp nhận"
/// only those a moderator accepted. Rejected and withdrawn cases are lines of their own, in no other count.
/// </summary>
public sealed class QuestionStatistics(PortalDbContext db, TimeProvider time)
{
    public async Task<QuestionStats> ForYearAsync(int year, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(VnFormat.ToLocal(time.GetUtcNow().UtcDateTime));
        var (from, to) = VnFormat.YearInUtc(year);
        var all = await db.QuestionCases.AsNoTracking()
            .Where(c => c.SubmittedAt >= from && c.SubmittedAt < to)
            .Select(c => new { c.AgencyId, c.Status, c.SubmittedAt, c.AnsweredAt, c.AnswerDue, c.ModerationDue }).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        bool Answered(CaseStatus s) => s == CaseStatus.Answered;
        bool OnTime(DateTime? answeredAt, DateOnly? due) => answeredAt is { } at && (due is null || DateOnly.FromDateTime(VnFormat.ToLocal(at)) <= due);
        bool Overdue(CaseStatus s, DateOnly? due, DateOnly moderationDue) =>
            s == CaseStatus.Submitted ? today > moderationDue : CaseWorkflow.ClockRuns(s) && due is { } d && today > d;

        var pending = all.Where(c => c.Status == CaseStatus.Submitted).ToList();
        var cases = all.Where(c => c.Status is not (CaseStatus.Submitted or CaseStatus.Rejected or CaseStatus.Withdrawn)).ToList();
        var answered = cases.Where(c => Answered(c.Status) && c.AnsweredAt is not null).ToList();
        var median = AnswerTime.Median(answered.Select(c => AnswerTime.DaysTaken(c.SubmittedAt, c.AnsweredAt!.Value)));
        var perAgency = cases.GroupBy(c => c.AgencyId)
            .Select(g => new AgencyStats(g.Key is { } id ? agencies.GetValueOrDefault(id, "") : "Chưa chuyển cơ quan", g.Count(), g.Count(c => Answered(c.Status)),
                g.Count(c => Answered(c.Status) && OnTime(c.AnsweredAt, c.AnswerDue)), g.Count(c => Overdue(c.Status, c.AnswerDue, c.ModerationDue))))
            .OrderByDescending(a => a.Received).ToList();
        var perMonth = Enumerable.Range(1, 12).Select(m => new MonthStats(m,
            pending.Count(c => VnFormat.ToLocal(c.SubmittedAt).Month == m),
            cases.Count(c => VnFormat.ToLocal(c.SubmittedAt).Month == m),
            answered.Count(c => VnFormat.ToLocal(c.AnsweredAt!.Value) is { } at && at.Month == m && at.Year == year))).ToList();
        return new QuestionStats(pending.Count, cases.Count, answered.Count, answered.Count(c => OnTime(c.AnsweredAt, c.AnswerDue)), median,
            cases.Count(c => Overdue(c.Status, c.AnswerDue, c.ModerationDue)) + pending.Count(c => Overdue(c.Status, c.AnswerDue, c.ModerationDue)),
            all.Count(c => c.Status == CaseStatus.Rejected), all.Count(c => c.Status == CaseStatus.Withdrawn), perAgency, perMonth, year);
    }
}
