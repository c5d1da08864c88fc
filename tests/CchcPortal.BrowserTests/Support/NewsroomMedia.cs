using Microsoft.Playwright;
using NetVips;
using static Microsoft.Playwright.Assertions;

namespace CchcPortal.BrowserTests.Support;

/// <summary>
/// Body steps of the newsroom's article (an image uploaded through the picker, a YouTube video through the video
/// dialog) and the public checks that go with them.
/// </summary>
public static class NewsroomMedia
{
    /// <summary>A photo-sized JPEG built in the test, large enough for the picture's srcset to offer several widths.</summary>
    public static byte[] Jpeg(int width = 1200, int height = 800)
    {
        using var black = Image.Black(width, height, bands: 3);
        using var grey = (black + 110).Cast(Enums.BandFormat.Uchar);
        return grey.JpegsaveBuffer();
    }

    /// <summary>Opens "Chèn ảnh từ thư viện", uploads an image in place with its alt text and caption, and inserts it.</summary>
    public static Func<IPage, Task> UploadImageStep(string fileName, string alt, string caption) => async page =>
    {
        await AnswerEditor.ClickToolbarButtonAsync(page, NewsroomArticle.BodyId, "Chèn ảnh từ thư viện");
        var dialog = page.Locator("dialog.image-picker");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByText("Tải ảnh mới lên thư viện").ClickAsync();
        await dialog.Locator("#ip-file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "image/jpeg", Buffer = Jpeg() });
        await dialog.Locator("#ip-up-alt").FillAsync(alt);
        await dialog.Locator("#ip-up-caption").FillAsync(caption);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Tải lên và chèn", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var body = await AnswerEditor.BodyAsync(page, NewsroomArticle.BodyId);
        await Expect(body.Locator("figure img[data-media-id]")).ToHaveAttributeAsync("alt", alt);
        await Expect(body.Locator("figure figcaption", new() { HasText = caption })).ToHaveCountAsync(1);
    };

    /// <summary>Opens "Chèn video" and inserts a YouTube link with its required title.</summary>
    public static Func<IPage, Task> YoutubeStep(string link, string title) => async page =>
    {
        await AnswerEditor.ClickToolbarButtonAsync(page, NewsroomArticle.BodyId, "Chèn video");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Chèn video" });
        await dialog.GetByLabel("Liên kết video *").FillAsync(link);
        await dialog.GetByLabel(new System.Text.RegularExpressions.Regex("^Tiêu đề video")).FillAsync(title);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Chèn", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var body = await AnswerEditor.BodyAsync(page, NewsroomArticle.BodyId);
        await Expect(body.Locator($"figure[data-video='{link}']")).ToHaveCountAsync(1);
    };

    /// <summary>The body image is a responsive picture: WebP and JPEG srcsets, its size, lazy, with its caption.</summary>
    public static Func<IPage, Task> ResponsiveImageCheck(string alt, string caption) => async page =>
    {
        var figure = page.Locator("main .article-body figure", new() { Has = page.Locator("picture") });
        await Expect(figure).ToHaveCountAsync(1);
        var webp = figure.Locator("picture source[type='image/webp']");
        await Expect(webp).ToHaveAttributeAsync("srcset", new System.Text.RegularExpressions.Regex(@"\.webp \d+w, .+\.webp \d+w"));
        var img = figure.Locator("picture img");
        await Expect(img).ToHaveAttributeAsync("alt", alt);
        await Expect(img).ToHaveAttributeAsync("width", "1200");
        await Expect(img).ToHaveAttributeAsync("height", "800");
        await Expect(img).ToHaveAttributeAsync("loading", "lazy");
        await Expect(figure.Locator("figcaption")).ToHaveTextAsync(caption);
        // The browser picked a WebP variant from the srcset and it loaded.
        await img.ScrollIntoViewIfNeededAsync();
        await Expect(img).ToHaveJSPropertyAsync("complete", true);
        Assert.EndsWith(".webp", await img.EvaluateAsync<string>("i => i.currentSrc"));
    };

    /// <summary>The video is the host's player in a titled frame, no autoplay, and the page's CSP lets exactly that host in.</summary>
    public static Func<IPage, Task> YoutubeCheck(string id, string title) => async page =>
    {
        var frame = page.Locator("main .article-body figure.video-figure iframe");
        await Expect(frame).ToHaveAttributeAsync("src", $"https://www.youtube-nocookie.com/embed/{id}");
        await Expect(frame).ToHaveAttributeAsync("title", title);
        Assert.DoesNotContain("autoplay", await frame.GetAttributeAsync("src") ?? "");
        var again = await page.Context.APIRequest.GetAsync(page.Url);
        Assert.Matches(@"frame-src https://www\.youtube-nocookie\.com(;|$)", again.Headers["content-security-policy"]);
    };
}
