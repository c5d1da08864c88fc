using System.Net;
using AngleSharp.Html.Parser;
using CchcPortal.Tests.Support;

namespace CchcPortal.Tests.Integration.HostileInput;

/// <summary>
/// Follows the public site's links and GET forms from the home page and the sitemap: one sample URL per route
/// pattern, the query names its links and forms use, and each sample's page as a baseline.
/// </summary>
public sealed class PublicCrawl
{
    public Dictionary<string, string> SampleUrl { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SortedSet<string>> QueryNames { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Baseline { get; } = new(StringComparer.Ordinal);
    public int Pages { get; private set; }

    private static readonly string[] Skipped = ["/quan-tri", "/tai-khoan/dang-xuat", "/media/", "/_content/", "/lib/", "/css/", "/js/"];

    public static async Task<PublicCrawl> RunAsync(HostilePortal portal, int maxPages = 500)
    {
        var crawl = new PublicCrawl();
        var queue = new Queue<string>(["/", "/sitemap.xml", "/hoi-dap/gui-cau-hoi", "/hoi-dap/tra-cuu", "/tai-khoan/dang-nhap"]);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var perPattern = new Dictionary<string, int>(StringComparer.Ordinal);
        while (queue.Count > 0 && crawl.Pages < maxPages)
        {
            var url = queue.Dequeue();
            using var response = await portal.SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
            crawl.Pages++;
            var body = await response.Content.ReadAsStringAsync();
            var pattern = response.Headers.TryGetValues(HostilePortal.RouteHeader, out var p) ? p.First() : null;
            if (pattern is not null)
            {
                // A handful of pages per pattern is enough to find its links; the first 200 one is its sample.
                perPattern[pattern] = perPattern.GetValueOrDefault(pattern) + 1;
                if (response.StatusCode == HttpStatusCode.OK && crawl.SampleUrl.TryAdd(pattern, url)) crawl.Baseline[new Uri("http://x" + url).AbsolutePath] = body;
                if (perPattern[pattern] > 4 && !url.EndsWith(".xml", StringComparison.Ordinal)) continue;
            }
            foreach (var link in Links(url, body, response.Content.Headers.ContentType?.MediaType))
            {
                if (Skipped.Any(s => link.StartsWith(s, StringComparison.Ordinal))) continue;
                var uri = new Uri("http://x" + link);
                var path = uri.AbsolutePath;
                foreach (var name in QueryNamesOf(uri.Query))
                {
                    if (!crawl.QueryNames.TryGetValue(path, out var set)) crawl.QueryNames[path] = set = new(StringComparer.Ordinal);
                    set.Add(name);
                }
                if (seen.Add(link)) queue.Enqueue(link);
            }
        }
        return crawl;
    }

    private static IEnumerable<string> Links(string url, string body, string? mediaType)
    {
        if (ResponseSafety.IsXml(mediaType))
        {
            System.Xml.Linq.XDocument xml;
            try { xml = System.Xml.Linq.XDocument.Parse(body); }
            catch (System.Xml.XmlException ex) { throw new InvalidOperationException($"{url} ({mediaType}) is not XML: {ex.Message} {body[..Math.Min(200, body.Length)]}"); }
            foreach (var loc in xml.Descendants().Where(e => e.Name.LocalName is "loc" or "link"))
                if (Uri.TryCreate(loc.Value.Trim(), UriKind.Absolute, out var abs)) yield return abs.PathAndQuery;
            yield break;
        }
        if (mediaType != "text/html") yield break;
        var document = new HtmlParser().ParseDocument(body);
        foreach (var a in document.QuerySelectorAll("a[href]"))
        {
            var href = a.GetAttribute("href")!;
            if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)) yield return href.Split('#')[0];
        }
        foreach (var form in document.QuerySelectorAll("form"))
        {
            if (!string.Equals(form.GetAttribute("method") ?? "get", "get", StringComparison.OrdinalIgnoreCase)) continue;
            var action = form.GetAttribute("action") is { Length: > 0 } a2 ? a2 : url.Split('?')[0];
            var names = form.QuerySelectorAll("input[name], select[name]").Select(e => e.GetAttribute("name")!).Distinct();
            yield return action + "?" + string.Join('&', names.Select(n => Uri.EscapeDataString(n) + "="));
        }
    }

    private static IEnumerable<string> QueryNamesOf(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => Uri.UnescapeDataString(pair.Split('=')[0]));
}
