using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Contests;
using CchcPortal.Core.Data;
using CchcPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Contests;

/// <summary>A participant's browser without JavaScript: the same requests the forms make, plus the answer-saving POST the script makes.</summary>
public sealed partial class ContestParticipantClient(HttpClient client, string slug)
{
    private string? _lastToken;
    public HttpClient Http => client;
    public string Slug => slug;
    /// <summary>Every response body this participant received, to check that none gives the answers away.</summary>
    public List<string> Bodies { get; } = [];

    public async Task<string> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Bodies.Add(body);
        return body;
    }

    public async Task<HttpResponseMessage> RegisterAsync(string name = "Nguyễn Thị Lan", string phone = "0912 345 678", string unit = "Trường THCS Tân Lập",
        string commune = "Phường Tân Lập", string guess = "1.200")
    {
        var token = await TokenAsync($"/cuoc-thi/{slug}");
        return await KeepAsync(await client.PostAsync($"/cuoc-thi/{slug}?handler=Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Phone"] = phone, ["Input.Unit"] = unit, ["Input.Commune"] = commune, ["Input.TieBreakGuess"] = guess,
            ["__RequestVerificationToken"] = token,
        })));
    }

    /// <summary>
    /// Posts "Bắt đầu làm bài"; returns the response (303 to the sheet when it worked). When the page shows no button
    /// (an attempt is open, or none is left) the post is made anyway, as a crafted request would be.
    /// </summary>
    public async Task<HttpResponseMessage> StartAsync()
    {
        var token = TokenPattern().Match(await GetAsync($"/cuoc-thi/{slug}")) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : _lastToken!;
        return await KeepAsync(await client.PostAsync($"/cuoc-thi/{slug}?handler=Start",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })));
    }

    /// <summary>Registers if needed, starts, and returns the attempt's token.</summary>
    public async Task<string> StartedAttemptAsync()
    {
        var response = await StartAsync();
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.Location!.OriginalString.Split('/').Last();
    }

    public string SheetUrl(string attempt) => $"/cuoc-thi/{slug}/bai-thi/{attempt}";

    /// <summary>The sheet as shown: the question ids in order, the chosen options and the antiforgery token.</summary>
    public async Task<Sheet> SheetAsync(string attempt)
    {
        var html = await GetAsync(SheetUrl(attempt));
        var doc = new HtmlParser().ParseDocument(html);
        var ids = doc.QuerySelectorAll("fieldset[data-question-id]").Select(f => int.Parse(f.GetAttribute("data-question-id")!)).ToList();
        var chosen = doc.QuerySelectorAll("input[type=radio]:checked").ToDictionary(i => int.Parse(i.GetAttribute("name")![1..]), i => i.GetAttribute("value")!);
        return new Sheet(ids, chosen, doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "", html);
    }

    public sealed record Sheet(IReadOnlyList<int> QuestionIds, IReadOnlyDictionary<int, string> Chosen, string Token, string Html);

    /// <summary>What contest.js does when an option is picked.</summary>
    public async Task<HttpResponseMessage> SaveAsync(string attempt, string token, int questionId, string option) =>
        await KeepAsync(await client.PostAsync($"/cuoc-thi/bai-thi/{attempt}/luu", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["questionId"] = questionId.ToString(), ["option"] = option, ["__RequestVerificationToken"] = token,
        })));

    /// <summary>"Nộp bài" with these choices; follows to the result page and returns it.</summary>
    public async Task<string> SubmitAsync(string attempt, IReadOnlyDictionary<int, string> choices)
    {
        var sheet = await SheetAsync(attempt);
        var fields = choices.ToDictionary(c => $"q{c.Key}", c => c.Value);
        fields["__RequestVerificationToken"] = sheet.Token;
        var response = await KeepAsync(await client.PostAsync(SheetUrl(attempt), new FormUrlEncodedContent(fields)));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return await GetAsync(response.Headers.Location!.OriginalString);
    }

    private async Task<HttpResponseMessage> KeepAsync(HttpResponseMessage response)
    {
        Bodies.Add(await response.Content.ReadAsStringAsync());
        return response;
    }

    private async Task<string> TokenAsync(string page)
    {
        var match = TokenPattern().Match(await GetAsync(page));
        Assert.True(match.Success, $"no antiforgery token on {page}");
        return _lastToken = WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>The demo contest (content/seed/contests) in a test portal, and direct reads of what the database holds.</summary>
public static class ContestPortal
{
    public static async Task<Contest> DemoContestAsync(this PortalFactory factory, Action<Contest>? change = null)
    {
        using var scope = factory.Services.CreateScope();
        var paths = scope.ServiceProvider.GetRequiredService<PortalPaths>();
        var contest = (await scope.ServiceProvider.GetRequiredService<ContestDemoSeeder>().SeedAsync(paths.SeedPath))!;
        if (change is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var tracked = await db.Set<Contest>().SingleAsync(c => c.Id == contest.Id);
            change(tracked);
            await db.SaveChangesAsync();
            contest = tracked;
        }
        return contest;
    }

    public static ContestParticipantClient Participant(this PortalFactory factory, Contest contest) => new(factory.Anonymous(), contest.Slug);

    public static async Task<T> WithDbAsync<T>(this PortalFactory factory, Func<PortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>The right option of each question (read from the database, as a test may; no response carries it).</summary>
    public static Task<Dictionary<int, ContestQuestion>> QuestionsAsync(this PortalFactory factory, int contestId) =>
        factory.WithDbAsync(db => db.Set<ContestQuestion>().AsNoTracking().Where(q => q.ContestId == contestId).ToDictionaryAsync(q => q.Id));

    public static string Wrong(string correct) => correct == "A" ? "B" : "A";
}
