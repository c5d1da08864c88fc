using Microsoft.Extensions.Time.Testing;

namespace CchcPortal.Tests.Support;

/// <summary>
/// The portal's fake clock in tests. <see cref="FakeTimeProvider"/> fires a periodic timer once for every period a
/// jump spans: three days are 8,640 runs of the 30-second scheduled-publishing loop and 4,320 of each one-minute
/// loop (subscriptions, view counters), each with its queries, about 20 s of CPU (docs/benchmarks.md,
/// "Test suite time (session 15)"). Here a jump of <see cref="Advance"/> or <see cref="SetUtcNow"/> delivers only
/// the last tick of each periodic timer inside the jump, the way a held-up real timer fires once and does not catch
/// up; the clock reads the jump's end during every one of those ticks anyway, so the loops see what they saw before.
/// One-shot timers (delays, timeouts) fire as before. Every loop here does whatever is due by now, so the last tick
/// does what the skipped ones would have.
/// </summary>
public sealed class PortalClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private DateTimeOffset? _jumpTarget;

    public new void SetUtcNow(DateTimeOffset value)
    {
        _jumpTarget = value;
        try { base.SetUtcNow(value); }
        finally { _jumpTarget = null; }
    }

    public new void Advance(TimeSpan delta) => SetUtcNow(GetUtcNow() + delta);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new LastTickTimer(this);
        timer.Schedule(dueTime, period);
        timer.Inner = base.CreateTimer(s =>
        {
            // The clock already reads the jump's end here, so the timer keeps its own schedule to know which tick this is.
            var tick = timer.NextTick;
            var periodic = IsPeriodic(timer.Period);
            if (periodic) timer.NextTick = tick + timer.Period;
            // Skipped only when another tick of this timer still falls inside the jump.
            if (_jumpTarget is { } target && periodic && tick + timer.Period <= target) return;
            callback(s);
        }, state, dueTime, period);
        return timer;
    }

    private static bool IsPeriodic(TimeSpan period) => period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan;

    private sealed class LastTickTimer(TimeProvider clock) : ITimer
    {
        public ITimer Inner = null!;
        public TimeSpan Period;
        public DateTimeOffset NextTick;

        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            Period = period;
            NextTick = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.GetUtcNow() + dueTime;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose() => Inner.Dispose();
        public ValueTask DisposeAsync() => Inner.DisposeAsync();
    }
}
