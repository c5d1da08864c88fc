using CchcPortal.Core.Questions;

namespace CchcPortal.Tests.Unit;

public class ProgrammeEpisodeInputTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ProgrammeEpisodeInput Valid() => new()
    {
        AiredOn = new DateOnly(2026, 11, 20), Topic = "Cấp giấy chứng nhận quyền sử dụng đất", VideoUrl = "https://www.youtube.com/watch?v=abc",
    };

    private static IEnumerable<string> Fields(ProgrammeEpisodeInput input) => input.Validate(Today).All.Select(e => e.Key);

    [Fact]
    public void A_complete_episode_is_valid() => Assert.Empty(Fields(Valid()));

    [Fact]
    public void Date_is_required_and_must_be_plausible()
    {
        var input = Valid();
        input.AiredOn = null;
        Assert.Equal(["AiredOn"], Fields(input));
        input.AiredOn = new DateOnly(1990, 5, 1);
        Assert.Equal(["AiredOn"], Fields(input));
        input.AiredOn = Today.AddYears(1).AddDays(1);
        Assert.Equal(["AiredOn"], Fields(input));
        input.AiredOn = Today.AddDays(14); // an announced broadcast
        Assert.Empty(Fields(input));
    }

    [Fact]
    public void Topic_is_required_and_at_most_300_characters()
    {
        var input = Valid();
        input.Topic = "   ";
        Assert.Contains("Vui lòng nhập chủ đề của chương trình.", input.Validate(Today).All.Select(e => e.Value));
        input.Topic = new string('a', 301);
        Assert.Equal(["Topic"], Fields(input));
        input.Topic = new string('a', 300);
        Assert.Empty(Fields(input));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.vn/video.mp4")]
    [InlineData("www.youtube.com/watch?v=abc")]
    [InlineData("/media/video.mp4")]
    public void Video_link_must_be_a_web_address(string url)
    {
        var input = Valid();
        input.VideoUrl = url;
        Assert.Equal(["VideoUrl"], Fields(input));
    }

    [Fact]
    public void Video_link_is_optional_and_at_most_500_characters()
    {
        var input = Valid();
        input.VideoUrl = "";
        Assert.Empty(Fields(input));
        input.VideoUrl = "https://example.vn/" + new string('a', 482);
        Assert.Equal(["VideoUrl"], Fields(input));
    }

    [Fact]
    public void Participants_are_one_per_line_trimmed_without_blanks_or_repeats()
    {
        var lines = ProgrammeEpisodeInput.ParticipantLines("  Giám đốc Sở Tư pháp   Nguyễn Văn A \r\n\r\n giám đốc sở tư pháp nguyễn văn a\nChủ tịch UBND phường Tân Lập\u00A0 ");
        Assert.Equal(["Giám đốc Sở Tư pháp Nguyễn Văn A", "Chủ tịch UBND phường Tân Lập"], lines);
    }

    [Fact]
    public void Too_many_participants_are_refused()
    {
        var input = Valid();
        input.Participants = string.Join("\n", Enumerable.Range(1, 31).Select(i => $"Người tham gia {i}"));
        Assert.Equal(["Participants"], Fields(input));
    }
}
