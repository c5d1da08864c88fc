using CchcPortal.BrowserTests.Support;
using CchcPortal.Core.AntiSpam;
using CchcPortal.Core.Data;
using CchcPortal.Core.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CchcPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public class QuestionFormTests(BrowserFixture fixture)
{
    private const string FormPath = CitizenQuestion.FormPath;

    private async Task<bool> SavedAsync(string title)
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.AnyAsync(c => c.Title == title);
    }

    [Fact]
    public async Task With_javascript_the_altcha_widget_solves_on_submit_and_the_question_is_saved()
    {
        var page = await fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(FormPath);
        await page.Locator("#altcha-box altcha-widget").WaitForAsync();
        Assert.False(await page.Locator("#human-check").IsVisibleAsync());
        Assert.True(await page.Locator("#CheckAnswer").IsDisabledAsync());
        Assert.Contains("Tôi không phải là robot", await page.Locator("#altcha-box").InnerTextAsync()); // the package's Vietnamese
        Assert.Contains("xác minh trên máy chủ của cổng", await page.Locator("#altcha-box").InnerTextAsync()); // our wording

        const string title = "Câu hỏi gửi bằng trình duyệt có JavaScript";
        await new CitizenQuestion(title).FillAsync(page);
        await CitizenQuestion.SendAsync(page);
        Assert.Matches(@"HD-\d{4}-\d{6}", await page.Locator(".notice-box").InnerTextAsync());
        Assert.True(await SavedAsync(title));
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy") || e.Contains("Refused"));
    }

    [Fact]
    public async Task Without_javascript_the_printed_question_is_the_check()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(FormPath);
        Assert.True(await page.Locator("#human-check").IsVisibleAsync());
        const string title = "Câu hỏi gửi bằng trình duyệt tắt JavaScript";
        await new CitizenQuestion(title).FillAsync(page);
        var numbers = Enumerable.Range(0, 100).ToDictionary(HumanQuestion.InWords, n => n);
        var question = (await page.Locator("label[for=CheckAnswer]").InnerTextAsync()).Trim();
        var answer = question.Replace(" bằng bao nhiêu?", "").ToLowerInvariant().Split(" cộng ").Sum(w => numbers[w.Trim()]);
        await page.FillAsync("#CheckAnswer", answer.ToString());
        await page.ClickAsync("main form button.button[type=submit]");
        await page.Locator("h1", new() { HasText = "Đã nhận câu hỏi" }).WaitForAsync();
        Assert.True(await SavedAsync(title));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Typing_a_title_suggests_answered_questions_in_a_polite_live_region()
    {
        using (var scope = fixture.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var at = new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);
            db.QuestionCases.Add(new QuestionCase
            {
                Code = "HD-2026-000901", SecretHash = "x", Kind = CaseKind.Question, Title = "Đăng ký thường trú cho con mới sinh",
                Content = "Con tôi mới sinh, đăng ký thường trú ở đâu?", PublicContent = "Con tôi mới sinh, đăng ký thường trú ở đâu?",
                SubmitterName = "Người Hỏi Ẩn", Status = CaseStatus.Answered, IsPublished = true, SubmittedAt = at.AddDays(-5), AnsweredAt = at,
                ModerationDue = DateOnly.FromDateTime(at), AnswerHtml = "<p>Tại Công an xã.</p>", SignedBy = "Giám đốc",
            });
            await db.SaveChangesAsync();
        }
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(FormPath);
        Assert.Equal("polite", await page.GetAttributeAsync("#title-suggestions", "aria-live"));
        await page.Locator("#Input_Title").PressSequentiallyAsync("dang ky thuong tru", new() { Delay = 20 });
        // On a slow machine a pause between keys fetches for part of the title first: wait for the whole title's list.
        await page.Locator("#title-suggestions[data-query='dang ky thuong tru']").WaitForAsync();
        var link = page.Locator("#title-suggestions a", new() { HasText = "Đăng ký thường trú cho con mới sinh" });
        await link.WaitForAsync();
        Assert.Null(await link.GetAttributeAsync("target"));
        Assert.DoesNotContain("Người Hỏi Ẩn", await page.Locator("#title-suggestions").InnerTextAsync());
        await link.ClickAsync();
        await page.ArrivedAtAsync("/hoi-dap/cau-hoi/HD-2026-000901");
        Assert.Contains("Tại Công an xã.", await page.Locator("main").InnerTextAsync());
    }
}
