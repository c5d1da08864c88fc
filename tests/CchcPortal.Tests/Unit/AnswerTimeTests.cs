using CchcPortal.Core.Questions;

namespace CchcPortal.Tests.Unit;

public class AnswerTimeTests
{
    [Fact]
    public void The_median_of_the_days_taken_is_the_middle_value()
    {
        Assert.Null(AnswerTime.Median([]));
        Assert.Equal(3, AnswerTime.Median([5, 1, 3]));
        Assert.Equal(2.5, AnswerTime.Median([4, 1, 2, 3]));
        Assert.Equal(1, AnswerTime.DaysTaken(new DateTime(2026, 3, 2, 8, 0, 0), new DateTime(2026, 3, 2, 9, 0, 0)));
        Assert.Equal(2, AnswerTime.DaysTaken(new DateTime(2026, 3, 2, 8, 0, 0), new DateTime(2026, 3, 4, 8, 0, 0)));
    }
}
