using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CchcPortal.BrowserTests.Support;

public static class Arrival
{
    /// <summary>
    /// Waits, by polling, until the page's address matches and its document has loaded. Used after an action that
    /// navigates: WaitForURLAsync there checks the load state and then subscribes to it, and a "load" that fires in
    /// between is missed (a CI run waited out 30 s with only "NetworkIdle event fired" in its log).
    /// </summary>
    public static async Task ArrivedAtAsync(this IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 30_000 });
        // Polled with EvaluateAsync: WaitForFunctionAsync evaluates a string, which the site's CSP (no unsafe-eval) refuses.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if (await page.EvaluateAsync<string>("document.readyState") == "complete") return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // The document was replaced while it was asked (a redirect): ask the new one.
            }
            if (DateTime.UtcNow >= deadline) throw new TimeoutException($"{page.Url} did not finish loading within 30 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>The same for an address that ends with <paramref name="path"/> (no query string).</summary>
    public static Task ArrivedAtAsync(this IPage page, string path) =>
        page.ArrivedAtAsync(new Regex(Regex.Escape(path) + "$"));
}
