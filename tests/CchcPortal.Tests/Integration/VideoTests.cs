using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Media;
using CchcPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>MP4s in the library, video placeholders checked on save, players on the public page, and the CSP.</summary>
public class VideoTests(VideoTests.Fixture fixture) : IClassFixture<VideoTests.Fixture>
{
    private const string ProvinceOrigin = "https://video.tinh.example.gov.vn";

    /// <summary>One portal for both tests (their posts and files do not meet): a 1 MB video limit and the province's host.</summary>
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new(settings: new Dictionary<string, string>
        {
            ["Portal:Video:MaxUploadMegabytes"] = "1",
            ["Portal:Video:EmbedHosts:tinh:Name"] = "Truyền hình tỉnh",
            ["Portal:Video:EmbedHosts:tinh:LinkPattern"] = @"^https://video\.tinh\.example\.gov\.vn/xem/(?<id>[0-9]+)$",
            ["Portal:Video:EmbedHosts:tinh:EmbedUrl"] = ProvinceOrigin + "/nhung/{id}",
            ["Portal:Video:EmbedHosts:tinh:WatchUrl"] = ProvinceOrigin + "/xem/{id}",
        });

        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory Portal => fixture.Factory;

    private const string UploadPage = "/quan-tri/thu-vien/video";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] video, string fileName = "gioi-thieu.mp4",
        string title = "Giới thiệu dịch vụ công trực tuyến", byte[]? captions = null, byte[]? poster = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync(UploadPage)), "__RequestVerificationToken" },
            { new StringContent(title), "Title" },
            { new ByteArrayContent(video), "Video", fileName },
        };
        if (captions is not null) form.Add(new ByteArrayContent(captions), "Captions", "phu-de.vtt");
        if (poster is not null) form.Add(new ByteArrayContent(poster), "Poster", "anh-dai-dien.jpg");
        return await client.PostAsync(UploadPage, form);
    }

    private static async Task<string> TextOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private async Task<HttpResponseMessage> PublishAsync(HttpClient editor, string title, string bodyHtml)
    {
        int categoryId;
        using (var scope = Portal.Services.CreateScope())
            categoryId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.FirstAsync()).Id;
        return await editor.PostFormAsync("/quan-tri/bai-viet/sua?handler=Publish", new()
        {
            ["Input.Title"] = title, ["Input.BodyHtml"] = bodyHtml, ["Input.CategoryId"] = categoryId.ToString(),
        }, "/quan-tri/bai-viet/sua");
    }

    private async Task<string> SlugOf(string title)
    {
        using var scope = Portal.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Posts.SingleAsync(p => p.Title == title)).Slug;
    }

    private static string FrameSrc(HttpResponseMessage response) =>
        Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "frame-src [^;]*").Value;

    [Fact]
    public async Task Mp4s_are_checked_by_content_size_and_captions_and_shown_as_accessible_players()
    {
        var editor = await Portal.EditorAsync();

        var renamed = await UploadAsync(editor, TestImages.Jpeg(64, 48));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, renamed.StatusCode);
        Assert.Contains("không phải là video MP4", await TextOf(renamed));
        var tooLarge = await UploadAsync(editor, TestVideos.Mp4(payloadBytes: 1024 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("tối đa 1 MB", await TextOf(tooLarge));
        var badCaptions = await UploadAsync(editor, TestVideos.Mp4(), captions: TestVideos.Vtt("1\n00:00:00,000 --> 00:00:01,000\nSRT\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCaptions.StatusCode);
        Assert.Contains("WebVTT", await TextOf(badCaptions));
        var untitled = await UploadAsync(editor, TestVideos.Mp4(), title: " ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, untitled.StatusCode);
        Assert.Contains("Vui lòng nhập tiêu đề video", await TextOf(untitled));
        using (var scope = Portal.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().MediaItems.AnyAsync(m => m.Kind == MediaKind.Video));

        var uploaded = await UploadAsync(editor, TestVideos.Mp4(640, 360), captions: TestVideos.Vtt(), poster: TestImages.Jpeg(640, 360));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        MediaItem video;
        using (var scope = Portal.Services.CreateScope())
            video = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().MediaItems.SingleAsync(m => m.Kind == MediaKind.Video);
        Assert.StartsWith("/media/videos/", video.Url);
        Assert.Equal((640, 360), (video.Width!.Value, video.Height!.Value));
        var anonymous = Portal.Anonymous();
        var file = await anonymous.GetAsync(video.Url);
        Assert.Equal("video/mp4", file.Content.Headers.ContentType!.MediaType);
        var captions = await anonymous.GetAsync(video.CaptionsUrl!);
        Assert.Equal("text/vtt", captions.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("WEBVTT", await captions.Content.ReadAsStringAsync());

        var title = "Video hướng dẫn nộp hồ sơ trực tuyến";
        var publish = await PublishAsync(editor, title,
            $"<p>Xem video:</p><figure data-video=\"{video.Url}\" data-title=\"Nộp hồ sơ &lt;trực tuyến&gt;\"><a href=\"{video.Url}\">Video</a></figure>");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var article = await anonymous.GetAsync($"/tin-tuc/{await SlugOf(title)}");
        var html = await article.Content.ReadAsStringAsync();
        var player = Regex.Match(html, "<figure class=\"video-figure\">.*?</figure>", RegexOptions.Singleline).Value;
        Assert.Matches("<video controls(=\"\")? preload=\"none\" playsinline(=\"\")? poster=\"/media/[^\"]+\" width=\"640\" height=\"360\">", player);
        Assert.Contains($"<source src=\"{video.Url}\" type=\"video/mp4\">", player);
        Assert.Matches($"<track kind=\"captions\" src=\"{video.CaptionsUrl}\" srclang=\"vi\" label=\"Tiếng Việt\" default", player);
        Assert.Contains("<figcaption>Nộp hồ sơ &lt;trực tuyến&gt;</figcaption>", player);
        Assert.Contains($"href=\"{video.Url}\" download", player);
        Assert.DoesNotContain("autoplay", html.Replace("autoplay=()", ""));
        Assert.Equal("frame-src 'none'", FrameSrc(article));

        // The library refuses to delete a video an article shows.
        var delete = await editor.PostFormAsync($"/quan-tri/thu-vien/{video.Id}?handler=Delete", new(), $"/quan-tri/thu-vien/{video.Id}");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        int posterId;
        using (var scope = Portal.Services.CreateScope())
            posterId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().MediaItems.SingleAsync(m => m.Url == video.PosterUrl)).Id;
        var deletePoster = await editor.PostFormAsync($"/quan-tri/thu-vien/{posterId}?handler=Delete", new(), $"/quan-tri/thu-vien/{posterId}");
        Assert.Equal(HttpStatusCode.Conflict, deletePoster.StatusCode);
        Assert.Contains("Video (ảnh đại diện)", await TextOf(deletePoster));
    }

    [Fact]
    public async Task Embeds_come_only_from_allowed_hosts_and_widen_frame_src_on_their_pages_only_cached_or_not()
    {
        var editor = await Portal.EditorAsync();

        var vimeo = await PublishAsync(editor, "Tin có video Vimeo", "<figure data-video=\"https://vimeo.com/123456\" data-title=\"Video\"></figure>");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, vimeo.StatusCode);
        Assert.Contains("Không nhúng được video từ “https://vimeo.com/123456”: chỉ nhận video từ YouTube, Truyền hình tỉnh", await TextOf(vimeo));
        var untitled = await PublishAsync(editor, "Tin có video không tiêu đề", "<figure data-video=\"https://youtu.be/dQw4w9WgXcQ\"></figure>");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, untitled.StatusCode);
        Assert.Contains("Vui lòng nhập tiêu đề cho video", await TextOf(untitled));
        var missing = await PublishAsync(editor, "Tin có video đã xóa", "<figure data-video=\"/media/videos/2026/11/khong-co.mp4\" data-title=\"Video\"></figure>");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        using (var scope = Portal.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Posts.AnyAsync(p => p.Title.StartsWith("Tin có video")));

        const string youtubeTitle = "Phóng sự: một cửa liên thông ở phường";
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(editor, youtubeTitle,
            "<p>Phóng sự.</p><figure data-video=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" data-title=\"Một cửa liên thông\"><iframe src=\"https://evil.example/\"></iframe></figure>")).StatusCode);
        const string provinceTitle = "Truyền hình tỉnh: cải cách hành chính";
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(editor, provinceTitle,
            $"<figure data-video=\"{ProvinceOrigin}/xem/42\" data-title=\"Bản tin CCHC\"></figure>")).StatusCode);
        const string plainTitle = "Tin không có video";
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(editor, plainTitle, "<p>Không có video.</p>")).StatusCode);

        var anonymous = Portal.Anonymous();
        var url = $"/tin-tuc/{await SlugOf(youtubeTitle)}";
        var first = await anonymous.GetAsync(url);
        var second = await anonymous.GetAsync(url);
        Assert.NotNull(second.Headers.Age); // served by the output cache: the page model did not run
        foreach (var response in new[] { first, second })
        {
            Assert.Equal("frame-src https://www.youtube-nocookie.com", FrameSrc(response));
            Assert.False(response.Headers.Contains("X-Portal-Frame-Sources"));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Single(Regex.Matches(html, "<iframe"));
            var frame = Regex.Match(html, "<iframe[^>]*>").Value;
            Assert.Contains("src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"", frame);
            Assert.Contains("title=\"Một cửa liên thông\"", frame);
            Assert.Contains("loading=\"lazy\"", frame);
            Assert.Contains("sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox\"", frame);
            Assert.Contains("referrerpolicy=\"strict-origin-when-cross-origin\"", frame);
            Assert.DoesNotContain("autoplay", frame);
            Assert.Contains("href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">Xem trên YouTube</a>", html);
            Assert.DoesNotContain("evil.example", html);
        }

        var province = await anonymous.GetAsync($"/tin-tuc/{await SlugOf(provinceTitle)}");
        Assert.Equal($"frame-src {ProvinceOrigin}", FrameSrc(province));
        Assert.Contains($"src=\"{ProvinceOrigin}/nhung/42\"", await province.Content.ReadAsStringAsync());

        var plainUrl = $"/tin-tuc/{await SlugOf(plainTitle)}";
        Assert.Equal("frame-src 'none'", FrameSrc(await anonymous.GetAsync(plainUrl)));
        Assert.Equal("frame-src 'none'", FrameSrc(await anonymous.GetAsync(plainUrl)));
    }
}
