using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CchcPortal.BrowserTests.Support;

/// <summary>
/// An article as a newsroom member writes it in the manager's editor (/quan-tri/bai-viet/sua). The body is typed as
/// paragraphs; <see cref="BodySteps"/> run after them in the editor (an image from the picker, an embedded video), and
/// <see cref="PublicChecks"/> on the public article once it is published.
/// </summary>
public sealed record NewsroomArticle(string Title, IReadOnlyList<string> Paragraphs)
{
    public const string BodyId = "Input_BodyHtml";

    public IReadOnlyList<Func<IPage, Task>> BodySteps { get; init; } = [];
    public IReadOnlyList<Func<IPage, Task>> PublicChecks { get; init; } = [];

    /// <summary>Title, category, tags and body on a new post's page.</summary>
    public async Task WriteAsync(IPage page)
    {
        await page.GotoAsync("/quan-tri/bai-viet/sua");
        await page.FillAsync("#Input_Title", Title);
        await page.SelectOptionAsync("#Input_CategoryId", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#Input_Tags", "cải cách hành chính, một cửa");
        await FillBodyAsync(page);
    }

    /// <summary>Replaces the body with the paragraphs, then runs the body steps.</summary>
    public async Task FillBodyAsync(IPage page)
    {
        var body = await AnswerEditor.BodyAsync(page, BodyId);
        await body.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        for (var i = 0; i < Paragraphs.Count; i++)
        {
            if (i > 0) await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.TypeAsync(Paragraphs[i]);
        }
        await Expect(body.Locator(":scope > p")).ToHaveCountAsync(Paragraphs.Count);
        foreach (var step in BodySteps) await step(page);
    }

    /// <summary>Appends a paragraph at the end of the body (a fix after a return).</summary>
    public static async Task AppendParagraphAsync(IPage page, string text)
    {
        var body = await AnswerEditor.BodyAsync(page, BodyId);
        await body.Locator(":scope > p").Last.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>The public article: its title, its paragraphs, then the extra checks.</summary>
    public async Task ExpectPublishedAsync(IPage page, string slug, params string[] alsoShown)
    {
        var response = await page.GotoAsync($"/tin-tuc/{slug}");
        Assert.Equal(200, response!.Status);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(Title);
        foreach (var text in Paragraphs.Concat(alsoShown))
            await Expect(page.Locator("main .article-body p", new() { HasText = text })).ToHaveCountAsync(1);
        foreach (var check in PublicChecks) await check(page);
    }
}
