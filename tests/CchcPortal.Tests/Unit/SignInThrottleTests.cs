using CchcPortal.Core.Identity;
using Microsoft.Extensions.Time.Testing;

namespace CchcPortal.Tests.Unit;

public class MemorySignInThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly MemorySignInThrottle _throttle;

    public MemorySignInThrottleTests() => _throttle = new(new SignInThrottlePolicy(5, 30, TimeSpan.FromMinutes(30)), _clock);

    [Fact]
    public async Task After_five_failures_the_wait_doubles_from_one_minute_up_to_the_cap()
    {
        for (var i = 0; i < 4; i++) await _throttle.FailedAsync("a@x.vn", "1.1.1.1");
        Assert.Equal(TimeSpan.Zero, await _throttle.RetryAfterAsync("a@x.vn", "1.1.1.1"));
        var waits = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            await _throttle.FailedAsync("a@x.vn", "1.1.1.1");
            waits.Add((await _throttle.RetryAfterAsync("A@X.VN ", "1.1.1.1")).TotalMinutes);
        }
        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], waits);
        // Another address, or another account from this address, is not held back.
        Assert.Equal(TimeSpan.Zero, await _throttle.RetryAfterAsync("a@x.vn", "2.2.2.2"));
        Assert.Equal(TimeSpan.Zero, await _throttle.RetryAfterAsync("b@x.vn", "1.1.1.1"));
    }

    [Fact]
    public async Task An_address_failing_across_accounts_waits_and_a_success_or_an_hour_forgets_the_pair()
    {
        for (var i = 0; i < 30; i++) await _throttle.FailedAsync($"u{i}@x.vn", "9.9.9.9");
        Assert.Equal(TimeSpan.FromMinutes(1), await _throttle.RetryAfterAsync("new@x.vn", "9.9.9.9"));

        for (var i = 0; i < 5; i++) await _throttle.FailedAsync("c@x.vn", "3.3.3.3");
        await _throttle.SucceededAsync("c@x.vn", "3.3.3.3");
        Assert.Equal(TimeSpan.Zero, await _throttle.RetryAfterAsync("c@x.vn", "3.3.3.3"));

        for (var i = 0; i < 4; i++) await _throttle.FailedAsync("d@x.vn", "4.4.4.4");
        _clock.Advance(TimeSpan.FromMinutes(61));
        await _throttle.FailedAsync("d@x.vn", "4.4.4.4");
        Assert.Equal(TimeSpan.Zero, await _throttle.RetryAfterAsync("d@x.vn", "4.4.4.4"));
    }
}
