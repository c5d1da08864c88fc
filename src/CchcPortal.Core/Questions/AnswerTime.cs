namespace CchcPortal.Core.Questions;

/// <summary>
/// The time a case took to be answered, as the public answer list shows it ("sau N ngày") and as the statistics
/// take its median: calendar days from the moment the question was sent to the moment the answer was approved,
/// a part of a day counting as a whole day.
/// </summary>
public static class AnswerTime
{
    public static int DaysTaken(DateTime submittedAt, DateTime answeredAt) => (int)Math.Ceiling((answeredAt - submittedAt).TotalDays);

    /// <summary>The middle value (the mean of the two middle ones for an even count); null when there is none.</summary>
    public static double? Median(IEnumerable<int> days)
    {
        var sorted = days.Order().ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
