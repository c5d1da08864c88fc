using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CchcPortal.BrowserTests.Support;

/// <summary>The TinyMCE editor the case page puts on each textarea[data-rich-text].</summary>
public static class AnswerEditor
{
    /// <summary>TinyMCE puts its editor right after the textarea it replaces.</summary>
    public static ILocator Container(IPage page, string textareaId) => page.Locator($"textarea#{textareaId}[data-rich-text] + .tox-tinymce");

    /// <summary>
    /// A toolbar button by its (Vietnamese) label; in a narrow column TinyMCE moves the last buttons to a floating
    /// overflow toolbar (outside the container), opened by its "more" button.
    /// </summary>
    public static async Task ClickToolbarButtonAsync(IPage page, string textareaId, string label)
    {
        var button = page.Locator($"button[aria-label='{label}'] >> visible=true");
        if (await button.CountAsync() == 0)
            await Container(page, textareaId).Locator("button[aria-label='Reveal or hide additional toolbar items']").ClickAsync();
        await button.ClickAsync();
    }

    /// <summary>Waits until the rich-text editor is loaded on the box, then returns the editable body in its iframe.</summary>
    public static async Task<ILocator> BodyAsync(IPage page, string textareaId)
    {
        var container = Container(page, textareaId);
        await Expect(container.Locator("iframe.tox-edit-area__iframe")).ToBeVisibleAsync();
        await Expect(page.Locator($"#{textareaId}")).ToBeHiddenAsync();
        var body = container.FrameLocator("iframe.tox-edit-area__iframe").Locator("body#tinymce");
        await Expect(body).ToHaveAttributeAsync("contenteditable", "true");
        return body;
    }
}
