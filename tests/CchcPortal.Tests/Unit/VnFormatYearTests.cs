using CchcPortal.Core.Common;

namespace CchcPortal.Tests.Unit;

public class VnFormatYearTests
{
    [Fact]
    public void A_year_in_Vietnam_time_starts_at_17_00_UTC_on_the_last_day_of_the_year_before()
    {
        var (from, to) = VnFormat.YearInUtc(2026);
        Assert.Equal(new DateTime(2025, 12, 31, 17, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 12, 31, 17, 0, 0, DateTimeKind.Utc), to);
        Assert.Equal(DateTimeKind.Utc, from.Kind);
        Assert.Equal(DateTimeKind.Utc, to.Kind);
        // The bounds are Vietnam midnights: the first moment of the year is in it, the first of the next is not.
        Assert.Equal(new DateTime(2026, 1, 1), VnFormat.ToLocal(from));
        Assert.Equal(new DateTime(2027, 1, 1), VnFormat.ToLocal(to));
    }
}
