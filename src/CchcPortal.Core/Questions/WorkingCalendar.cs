using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>
/// Working days: Monday to Friday, minus public holidays (an editable list: Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ
/// Hùng Vương, 30/4, 1/5, Quốc khánh and the days the Government moves). Deadlines count working days after the
/// start day, skipping any period in which the clock is paused (waiting for the citizen).
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    /// <summary>The calendar with the holidays as edited today (see <see cref="HolidayService"/>).</summary>
    public static async Task<WorkingCalendar> LoadAsync(PortalDbContext db, CancellationToken ct = default) =>
        new(await db.Holidays.Select(h => h.Date).ToListAsync(ct));

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>The day by which <paramref name="workingDays"/> working days have passed after <paramref name="start"/> (the start day itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays, IReadOnlyList<(DateOnly From, DateOnly To)>? paused = null)
    {
        if (workingDays < 0) throw new ArgumentOutOfRangeException(nameof(workingDays));
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day) && !IsPaused(day, paused)) counted++;
        }
        return day;
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>, outside pauses.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to, IReadOnlyList<(DateOnly From, DateOnly To)>? paused = null)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d) && !IsPaused(d, paused)) n++;
        return n;
    }

    private static bool IsPaused(DateOnly day, IReadOnlyList<(DateOnly From, DateOnly To)>? paused) =>
        paused is not null && paused.Any(p => day >= p.From && day <= p.To);
}

/// <summary>Default handling times (DOMAIN.md), configurable per kind.</summary>
public sealed record DeadlinePolicy(int ModerationWorkingDays, int ForwardingWorkingDays, IReadOnlyDictionary<CaseKind, int> AnswerWorkingDays)
{
    public static DeadlinePolicy Default { get; } = new(1, 2, new Dictionary<CaseKind, int>
    {
        [CaseKind.Question] = 10,
        // 15 days for feedback on administrative regulations, taken as working days until the calendar-day rule is confirmed.
        [CaseKind.RegulationFeedback] = 15,
        [CaseKind.ConductFeedback] = 15,
    });

    public DateOnly ModerationDue(WorkingCalendar calendar, DateOnly submitted) => calendar.AddWorkingDays(submitted, ModerationWorkingDays);
    public DateOnly ForwardingDue(WorkingCalendar calendar, DateOnly accepted) => calendar.AddWorkingDays(accepted, ForwardingWorkingDays);

    public DateOnly AnswerDue(WorkingCalendar calendar, CaseKind kind, DateOnly assigned, IReadOnlyList<(DateOnly From, DateOnly To)>? paused = null) =>
        calendar.AddWorkingDays(assigned, AnswerWorkingDays[kind], paused);
}
