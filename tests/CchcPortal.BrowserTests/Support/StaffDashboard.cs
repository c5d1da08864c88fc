using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CchcPortal.BrowserTests.Support;

/// <summary>A staff member's start page (/quan-tri): its panels' figures and the links in its main content.</summary>
public static class StaffDashboard
{
    public const string Path = "/quan-tri";

    /// <summary>The figure of the panel line that reads "N <paramref name="counts"/>", e.g. "hồ sơ chờ tiếp nhận".</summary>
    public static async Task<int> CountAsync(IPage page, string panelId, string counts)
    {
        var line = page.Locator($"section[aria-labelledby={panelId}] ul.stats a")
            .Filter(new() { HasTextRegex = new Regex($@"^\s*\d+\s+{Regex.Escape(counts)}\s*$") });
        return int.Parse(await line.Locator("strong").InnerTextAsync());
    }

    /// <summary>Every link of the main content, requested with the page's own sign-in: none is refused (403) or broken.</summary>
    public static async Task AssertLinksAnswerAsync(IPage page)
    {
        var hrefs = await page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(hrefs);
        foreach (var href in hrefs.Distinct())
        {
            var response = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).ToString());
            Assert.True(response.Status < 400, $"{href} answered {response.Status} to this staff member.");
            // Redirects are followed: not sent to the login or the access-denied page instead.
            Assert.DoesNotMatch("^/tai-khoan/(dang-nhap|khong-co-quyen)", new Uri(response.Url).AbsolutePath);
        }
    }
}
