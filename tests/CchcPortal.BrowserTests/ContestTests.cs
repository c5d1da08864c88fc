using CchcPortal.Core.Contests;
using CchcPortal.Core.Data;
using CchcPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CchcPortal.BrowserTests;

/// <summary>A participant on a phone: registers, takes a timed attempt, reloads mid-way, submits, and is ranked; no answer leaks before the end.</summary>
[Collection(BrowserCollection.Name)]
public class ContestTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_participant_on_a_phone_reloads_mid_attempt_keeps_clock_questions_and_answers_submits_and_is_ranked()
    {
        Contest contest;
        Dictionary<int, ContestQuestion> bank;
        using (var scope = fixture.Services.CreateScope())
        {
            contest = (await scope.ServiceProvider.GetRequiredService<ContestDemoSeeder>().SeedAsync(scope.ServiceProvider.GetRequiredService<PortalPaths>().SeedPath))!;
            bank = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ContestQuestion>().AsNoTracking()
                .Where(q => q.ContestId == contest.Id).ToDictionaryAsync(q => q.Id);
        }
        var page = await fixture.NewPageAsync(390, 844);
        var bodies = new List<string>();
        var finished = false;
        page.Response += async (_, response) =>
        {
            if (finished || response.Request.ResourceType is not ("document" or "fetch")) return;
            try { bodies.Add(await response.TextAsync()); } catch (PlaywrightException) { } // redirects have no body
        };

        await page.GotoAsync($"/cuoc-thi/{contest.Slug}");
        await page.FillAsync("#Input_Name", "Hoàng Thị Thu");
        await page.FillAsync("#Input_Phone", "0935 246 810");
        await page.FillAsync("#Input_Unit", "Trường THPT Buôn Ma Thuột");
        await page.FillAsync("#Input_Commune", "Phường Buôn Ma Thuột");
        await page.FillAsync("#Input_TieBreakGuess", "1500");
        await page.ClickAsync("main button:has-text('Đăng ký')");
        await page.ClickAsync("main button:has-text('Bắt đầu làm bài')");
        await page.Locator(".contest-countdown").WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.scrollingElement.scrollWidth <= 390"), "the sheet scrolls sideways on a phone");

        // One question per screen: answer three, each saved as it is picked.
        async Task<int[]> IdsAsync() => await page.EvaluateAsync<int[]>("[...document.querySelectorAll('fieldset[data-question-id]')].map(f => Number(f.dataset.questionId))");
        var ids = await IdsAsync();
        Assert.Equal(contest.QuestionsPerAttempt, ids.Length);
        Assert.Equal(1, await page.Locator("fieldset.contest-question:visible").CountAsync());
        for (var i = 0; i < 3; i++)
        {
            var question = page.Locator($"fieldset[data-question-id='{ids[i]}']");
            await question.Locator($"input[value='{bank[ids[i]].Correct}']").CheckAsync();
            await page.Locator(".contest-save-state", new() { HasText = $"Đã lưu câu trả lời câu {i + 1}." }).WaitForAsync();
            await page.ClickAsync("main button:has-text('Câu sau')");
        }
        var secondsBefore = await SecondsLeftAsync(page);
        bodies.Add(await page.ContentAsync());

        await page.ReloadAsync();
        await page.Locator(".contest-countdown").WaitForAsync();
        Assert.Equal(ids, await IdsAsync());
        var secondsAfter = await SecondsLeftAsync(page);
        Assert.InRange(secondsAfter, secondsBefore - 30, secondsBefore);
        Assert.Equal(3, await page.Locator("input[type=radio]:checked").CountAsync());
        bodies.Add(await page.ContentAsync());
        // The sheet opens at the first question not yet answered.
        Assert.True(await page.Locator($"fieldset[data-question-id='{ids[3]}']").IsVisibleAsync());

        var sources = ids.Select(id => bank[id].LegalSource).Distinct().ToList();
        foreach (var body in bodies)
        {
            Assert.DoesNotContain("(đáp án đúng)", body);
            foreach (var source in sources) Assert.DoesNotContain(source, body);
        }
        // The page and sheet documents as served (the response handler may still be reading the last ones) and the DOMs before and after the reload.
        Assert.True(bodies.Count >= 4, $"only {bodies.Count} responses seen");

        finished = true;
        await page.ClickAsync("main button:has-text('Nộp bài')");
        await page.Locator("h1", new() { HasText = "Kết quả lượt 1" }).WaitForAsync();
        Assert.Contains("3/10", await page.Locator(".contest-score").InnerTextAsync());
        Assert.Contains(sources[0], await page.Locator("main").InnerTextAsync());

        using (var scope = fixture.Services.CreateScope())
        {
            var standings = (await scope.ServiceProvider.GetRequiredService<ContestResults>().StandingsAsync(contest.Id))!;
            var ranked = Assert.Single(standings.Ranking, r => r.Participant.Phone == "0935246810");
            Assert.Equal(3, ranked.Score);
        }
        await page.Context.CloseAsync();
    }

    /// <summary>The seconds the countdown shows (m:ss).</summary>
    private static async Task<int> SecondsLeftAsync(IPage page)
    {
        var parts = (await page.Locator(".contest-countdown").InnerTextAsync()).Split(':');
        return int.Parse(parts[0]) * 60 + int.Parse(parts[1]);
    }
}
