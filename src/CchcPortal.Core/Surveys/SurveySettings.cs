namespace CchcPortal.Core.Surveys;

/// <summary>
/// Portal:SurveyMinimumResponses (below it an agency shows "chưa đủ dữ liệu"), and the burst flag: more than
/// Portal:SurveyBurstMinimum responses for one agency within Portal:SurveyBurstWindowMinutes, and more than
/// Portal:SurveyBurstFactor times its usual rate over the 30 days before, are flagged and wait for a moderator.
/// </summary>
public sealed class SurveySettings
{
    public int MinimumResponses { get; init; } = 30;
    public int BurstMinimum { get; init; } = 20;
    public int BurstWindowMinutes { get; init; } = 60;
    public double BurstFactor { get; init; } = 10;
}
