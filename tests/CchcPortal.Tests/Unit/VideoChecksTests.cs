using System.Text;
using CchcPortal.Core.Media;
using CchcPortal.Media.Videos;
using CchcPortal.Tests.Support;

namespace CchcPortal.Tests.Unit;

public class VideoChecksTests
{
    private static (Mp4Info? Info, string? Error) Inspect(byte[] bytes) => Mp4Inspector.Inspect(new MemoryStream(bytes));

    [Fact]
    public void An_mp4_is_recognised_by_its_boxes_and_gives_its_frame_size()
    {
        var (info, error) = Inspect(TestVideos.Mp4(640, 360));
        Assert.Null(error);
        Assert.Equal((640, 360), (info!.Width, info.Height));
    }

    [Theory]
    [InlineData("qt  ")] // QuickTime MOV
    [InlineData("3gp4")]
    public void Other_iso_media_brands_are_refused(string brand) => Assert.Null(Inspect(TestVideos.Mp4(brand: brand)).Info);

    [Fact]
    public void Files_that_are_not_whole_mp4s_are_refused()
    {
        Assert.Null(Inspect(TestImages.Jpeg(20, 20)).Info);
        Assert.Null(Inspect(Encoding.UTF8.GetBytes("<html>không phải video</html>")).Info);
        Assert.Contains("moov", Inspect(TestVideos.Mp4(withMoov: false)).Error);
        var mp4 = TestVideos.Mp4();
        Assert.Contains("hỏng", Inspect(mp4[..^10]).Error); // cut short: the last box overruns the file
        Assert.Contains("hỏng", Inspect([.. mp4, 0, 0, 0]).Error); // trailing bytes that are no box
    }

    [Fact]
    public void Captions_must_be_utf8_webvtt_within_the_limit()
    {
        Assert.NotNull(WebVttCheck.Check(TestVideos.Vtt(), 1024).Text);
        Assert.NotNull(WebVttCheck.Check([0xEF, 0xBB, 0xBF, .. TestVideos.Vtt()], 1024).Text);
        Assert.Contains("WebVTT", WebVttCheck.Check(TestVideos.Vtt("1\n00:00:00,000 --> 00:00:02,000\nSRT\n"), 1024).Error);
        Assert.Contains("WebVTT", WebVttCheck.Check(TestVideos.Vtt("WEBVTTX\n"), 1024).Error);
        Assert.Contains("UTF-8", WebVttCheck.Check([.. Encoding.ASCII.GetBytes("WEBVTT\n\n"), 0xC3, 0x28], 1024).Error);
        Assert.Contains("quá lớn", WebVttCheck.Check(TestVideos.Vtt(), 10).Error);
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?t=42", "dQw4w9WgXcQ")]
    [InlineData("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/shorts/dQw4w9WgXcQ", "dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/123456", null)]
    [InlineData("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ", null)]
    [InlineData("javascript:alert(1)//youtu.be/dQw4w9WgXcQ", null)]
    public void Youtube_links_are_recognised_and_embedded_without_cookies(string link, string? id)
    {
        var embed = VideoLinks.Recognise(link, new VideoOptions());
        Assert.Equal(id, embed?.Id);
        if (embed is not null)
        {
            Assert.Equal($"https://www.youtube-nocookie.com/embed/{id}", embed.EmbedUrl);
            Assert.Equal("https://www.youtube-nocookie.com", embed.Origin);
        }
    }
}
