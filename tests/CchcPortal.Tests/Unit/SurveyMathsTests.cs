using CchcPortal.Core.Surveys;

namespace CchcPortal.Tests.Unit;

public class SurveyMathsTests
{
    [Fact]
    public void Shares_count_satisfied_and_very_satisfied_and_the_overall_is_their_mean()
    {
        var counts = new SatisfactionCounts(40, [40, 30, 20, 10, 0]);
        Assert.Equal(100, counts.Share(0));
        Assert.Equal(75, counts.Share(1));
        Assert.Equal(0, counts.Share(4));
        Assert.Equal(50, counts.Overall, 6);
    }

    [Theory]
    [InlineData(1, 98.0)]
    [InlineData(100, 9.8)]
    [InlineData(400, 4.9)]
    public void The_margin_is_the_widest_95_percent_half_interval_in_points(int responses, double margin) =>
        Assert.Equal(margin, new SatisfactionCounts(responses, [responses, 0, 0, 0, 0]).Margin, 1);

    [Fact]
    public void No_responses_claim_nothing() =>
        Assert.Equal((0.0, 100.0), (new SatisfactionCounts(0, [0, 0, 0, 0, 0]).Overall, new SatisfactionCounts(0, [0, 0, 0, 0, 0]).Margin));

    [Fact]
    public void The_dimensions_carry_the_codes_of_the_seeded_sipas_criteria() =>
        Assert.Equal(["TIEP-CAN-DICH-VU", "THU-TUC-HANH-CHINH", "CONG-CHUC-TRUC-TIEP-GIAI-QUYET", "KET-QUA-GIAI-QUYET", "TIEP-NHAN-XU-LY-GOP-Y-PHAN-ANH-KIEN-NGHI"],
            SurveyDimensions.All.Select(d => d.CriterionCode));
}
