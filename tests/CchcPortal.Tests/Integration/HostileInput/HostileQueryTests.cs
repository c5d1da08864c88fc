using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CchcPortal.Tests.Support;
using Xunit.Abstractions;

namespace CchcPortal.Tests.Integration.HostileInput;

/// <summary>
/// Every payload of the corpus in every query-string parameter and every route value of every public page and API
/// (found from the endpoints, the page models and a crawl of the site): no 5xx, nothing written back unencoded, no
/// injected script, header or off-site redirect, XML and JSON still parse.
/// </summary>
public sealed class HostileQueryTests(HostilePortal portal, ITestOutputHelper output) : IClassFixture<HostilePortal>
{
    [Fact]
    public async Task Every_payload_in_every_query_parameter_and_route_value_of_every_public_page_is_answered_safely()
    {
        var payloads = HostileCorpus.All;
        Assert.True(payloads.Count >= 300, $"The corpus has {payloads.Count} payloads.");
        var crawl = await PublicCrawl.RunAsync(portal);
        var routes = portal.PublicRoutes();

        var targets = new List<(string Url, string Name, bool InPath)>();
        // A route value with an int constraint takes only the numbers: any other text matches no route at all and
        // is the same 404 page, which the other route values already reach.
        var numericTargets = new HashSet<(string, string)>();
        foreach (var route in routes)
        {
            var sample = crawl.SampleUrl.GetValueOrDefault(route.Pattern) ?? Fill(route.Pattern, _ => "1");
            var path = sample.Split('?')[0];
            var names = new SortedSet<string>(route.QueryNames, StringComparer.Ordinal);
            if (crawl.QueryNames.TryGetValue(path, out var seen)) names.UnionWith(seen);
            foreach (var name in names) targets.Add((path, name, false));
            foreach (var parameter in route.RouteParameters)
            {
                targets.Add((route.Pattern, parameter, true));
                if (route.NumericParameters.Contains(parameter)) numericTargets.Add((route.Pattern, parameter));
            }
        }
        output.WriteLine($"Crawled {crawl.Pages} pages; {routes.Count} public GET routes ({crawl.SampleUrl.Count} reached by the crawl); " +
                         $"{targets.Count(t => !t.InPath)} query parameters and {targets.Count(t => t.InPath)} route values; {payloads.Count} payloads.");
        Assert.Contains(targets, t => t is { Url: "/hoi-dap/da-tra-loi", Name: "nam" });
        Assert.Contains(targets, t => t is { Url: "/tim-kiem", Name: "q" });

        var failures = new ConcurrentQueue<(string Where, string Payload, string Problem)>();
        var statuses = new ConcurrentDictionary<int, int>();
        var requests = 0;
        var work = targets.SelectMany(t => payloads
            .Where(p => !t.InPath || !numericTargets.Contains((t.Url, t.Name)) || p.Category == "numbers")
            .Select(p => (Target: t, Payload: p)));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            var (target, payload) = item;
            // The test server cannot carry a NUL in a path (Kestrel answers 400 before the app sees it).
            if (target.InPath && payload.Text.Contains('\0')) return;
            var value = UrlSized(payload.Text);
            var url = target.InPath
                ? Fill(target.Url, name => name == target.Name ? value : "1")
                : target.Url + "?" + RawUrlEncoding.Encode(target.Name) + "=" + value;
            Interlocked.Increment(ref requests);
            try
            {
                using var response = await portal.SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                foreach (var problem in await ResponseSafety.CheckAsync(response, [payload.Text], path => crawl.Baseline.GetValueOrDefault(path)))
                    failures.Enqueue((Where(target), payload.Label, problem));
            }
            catch (Exception ex)
            {
                failures.Enqueue((Where(target), payload.Label, $"{ex.GetType().Name}: {ex.Message}"));
            }
        });
        output.WriteLine($"{requests} GET requests; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        var kinds = failures.GroupBy(f => (f.Where, Problem: f.Problem.Split(':')[0]))
            .Select(g => $"{g.Key.Where}: {g.Key.Problem} ×{g.Count()}, e.g. {g.First().Payload}: {g.First().Problem}");
        Assert.True(failures.IsEmpty, $"{failures.Count} unsafe answers:\n" + string.Join("\n", kinds.Take(100)));
    }

    /// <summary>
    /// Kestrel refuses a request line over 8 KB (414) before the app sees it, so a long payload is cut to what a URL
    /// can carry; the full 100 KB strings go through the forms.
    /// </summary>
    private static string UrlSized(string payload)
    {
        var encoded = RawUrlEncoding.Encode(payload);
        if (encoded.Length <= 6000) return encoded;
        var cut = payload.Length;
        while (RawUrlEncoding.Encode(payload[..cut]).Length > 6000) cut = cut * 2 / 3;
        return RawUrlEncoding.Encode(payload[..cut]);
    }

    private static string Where((string Url, string Name, bool InPath) t) => t.InPath ? $"{t.Url} {{{t.Name}}}" : $"{t.Url}?{t.Name}=";

    private static string Fill(string pattern, Func<string, string> value) =>
        Regex.Replace(pattern, @"\{\*{0,2}([A-Za-z]+)[^}]*\}", m => value(m.Groups[1].Value));
}
