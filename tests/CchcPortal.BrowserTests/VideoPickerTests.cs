using System.Text.RegularExpressions;
using CchcPortal.BrowserTests.Support;
using CchcPortal.Core.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CchcPortal.BrowserTests;

/// <summary>The editor's Video button inserts a placeholder (never a frame); the preview shows the host's player, framed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VideoPickerTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_editor_inserts_a_youtube_video_with_a_title_and_the_preview_frames_it()
    {
        var editor = await fixture.SignedInPageAsync(await fixture.EnsureStaffAsync(new("bientap.video@browser.local", PortalRoles.Editor, "Phạm Biên Tập")));
        await editor.GotoAsync("/quan-tri/bai-viet/sua");
        await editor.FillAsync("#Input_Title", "Phóng sự video về bộ phận một cửa");
        var body = await AnswerEditor.BodyAsync(editor, "Input_BodyHtml");
        await body.ClickAsync();

        await AnswerEditor.ClickToolbarButtonAsync(editor, "Input_BodyHtml", "Chèn video");
        var dialog = editor.GetByRole(AriaRole.Dialog, new() { Name = "Chèn video" });
        await dialog.GetByLabel("Liên kết video *").FillAsync("https://youtu.be/dQw4w9WgXcQ");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Chèn", Exact = true }).ClickAsync();
        await Expect(editor.GetByText("Vui lòng nhập cả liên kết và tiêu đề video.")).ToBeVisibleAsync(); // the title is required
        await dialog.GetByLabel(new Regex("^Tiêu đề video")).FillAsync("Một cửa liên thông ở phường");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Chèn", Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(body.Locator("figure[data-video='https://youtu.be/dQw4w9WgXcQ'][data-title='Một cửa liên thông ở phường']")).ToHaveCountAsync(1);
        await Expect(body.Locator("iframe")).ToHaveCountAsync(0);

        await editor.SelectOptionAsync("#Input_CategoryId", new SelectOptionValue { Index = 1 });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await editor.ArrivedAtAsync(new Regex(@"/quan-tri/bai-viet/sua/\d+$"));
        var id = Regex.Match(editor.Url, @"\d+$").Value;

        var preview = await editor.GotoAsync($"/quan-tri/bai-viet/{id}/xem-truoc");
        Assert.Matches(@"frame-src 'self' https://www\.youtube-nocookie\.com(;|$)", (await preview!.AllHeadersAsync())["content-security-policy"]);
        var frame = editor.Locator("figure.video-figure iframe");
        await Expect(frame).ToHaveAttributeAsync("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        await Expect(frame).ToHaveAttributeAsync("title", "Một cửa liên thông ở phường");
        await Expect(editor.GetByRole(AriaRole.Link, new() { Name = "Xem trên YouTube" })).ToHaveAttributeAsync("href", "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    }
}
