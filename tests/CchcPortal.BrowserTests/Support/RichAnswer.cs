using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CchcPortal.BrowserTests.Support;

/// <summary>An answer as a responder writes it: a paragraph, a bulleted list and a closing paragraph.</summary>
public sealed record RichAnswer(string First, IReadOnlyList<string> Items, string Last)
{
    /// <summary>Drives the TinyMCE editor that replaces textarea[data-rich-text] with the keyboard and its toolbar.</summary>
    public async Task TypeAsync(IPage page, string textareaId)
    {
        var body = await AnswerEditor.BodyAsync(page, textareaId);
        await body.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.TypeAsync(First);
        await page.Keyboard.PressAsync("Enter");
        await AnswerEditor.ClickToolbarButtonAsync(page, textareaId, "Danh sách dạng biểu tượng");
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0) await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.TypeAsync(Items[i]);
        }
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter"); // an empty item ends the list
        await page.Keyboard.TypeAsync(Last);
        await Expect(body.Locator("ul > li")).ToHaveCountAsync(Items.Count);
        await Expect(body.Locator(":scope > p")).ToHaveCountAsync(2);
    }

    /// <summary>The answer as a reader sees it in <paramref name="shown"/>: the two paragraphs and the list, in that shape.</summary>
    public async Task ExpectShownInAsync(ILocator shown)
    {
        await Expect(shown.Locator("p", new() { HasText = First })).ToHaveCountAsync(1);
        await Expect(shown.Locator("p", new() { HasText = Last })).ToHaveCountAsync(1);
        await Expect(shown.Locator("ul > li")).ToHaveTextAsync(Items.ToArray());
    }
}
