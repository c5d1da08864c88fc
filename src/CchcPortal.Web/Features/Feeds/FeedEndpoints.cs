using CchcPortal.Core.Common;
using CchcPortal.Core.News;
using CchcPortal.Core.Settings;
using CchcPortal.Core.StaticPages;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Features.Feeds;

/// <summary>RSS 2.0 (overall and per category), sitemap.xml and robots.txt. Written through <see cref="SafeXmlWriter"/>: stored text never makes them ill-formed.</summary>
public static class FeedEndpoints
{
    private const int FeedSize = 30;

    public static void MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/rss.xml", (HttpContext http, PublicAddress address, PostQueries posts, SiteSettingsService settings, CancellationToken ct) =>
                RssAsync(http, address, posts, settings, null, ct))
            .CacheOutput(CachePolicies.News);
        app.MapGet("/tin-tuc/chuyen-muc/{slug}/rss.xml", async (string slug, HttpContext http, PublicAddress address, PostQueries posts, SiteSettingsService settings, CancellationToken ct) =>
                await posts.CategoryBySlugAsync(slug, ct) is { } category
                    ? await RssAsync(http, address, posts, settings, category, ct)
                    : Results.NotFound())
            .CacheOutput(CachePolicies.News);
        app.MapGet("/sitemap.xml", SitemapAsync).CacheOutput(CachePolicies.Sitemap);
        app.MapGet("/hoi-dap/rss.xml", AnswersRssAsync).CacheOutput(CachePolicies.Questions);
        app.MapGet("/robots.txt", (PublicAddress address) =>
                Results.Text($"User-agent: *\nDisallow: /quan-tri\nDisallow: /tai-khoan\nDisallow: /tim-kiem\nSitemap: {address.Absolute("/sitemap.xml")}\n", "text/plain; charset=utf-8"))
            .CacheOutput(CachePolicies.Site);
    }

    private static async Task<IResult> RssAsync(HttpContext http, PublicAddress address, PostQueries posts, SiteSettingsService settings, Category? category, CancellationToken ct)
    {
        var site = await settings.GetAsync(ct);
        var items = await posts.ForFeedAsync(category?.Id, FeedSize, ct);
        return XmlFeed.Rss(
            new RssChannel(
                category is null ? $"{site.SiteName} - Tin tức CCHC" : $"{site.SiteName} - {category.Name}",
                address.Absolute(category is null ? PublicPaths.News : PublicPaths.Category(category.Slug)),
                category?.Description is { Length: > 0 } d ? d : $"Tin tức cải cách hành chính của {site.UnitName}",
                SelfLink: address.Absolute(http.Request.Path.Value ?? "/"),
                LastBuildDate: items.Count > 0 ? items[0].PublishedAt : null),
            items.Select(item => new RssItem(item.Title, address.Absolute(PublicPaths.Article(item.Slug)), item.Summary, item.CategoryName, item.PublishedAt)));
    }

    /// <summary>New published answers: title, the answering agency and the answer's text, never the asker.</summary>
    private static async Task<IResult> AnswersRssAsync(PublicAddress address, CchcPortal.Core.Questions.PublishedAnswers answers, SiteSettingsService settings, CancellationToken ct)
    {
        var site = await settings.GetAsync(ct);
        var items = (await answers.ListAsync(null, 1, FeedSize, ct)).Items;
        return XmlFeed.Rss(
            new RssChannel($"{site.SiteName} - Câu trả lời mới", address.Absolute(PublicPaths.Answers),
                "Câu hỏi, phản ánh của người dân đã được thủ trưởng cơ quan trả lời."),
            items.Select(a => new RssItem(a.Title, address.Absolute(PublicPaths.Answer(a.Code)),
                $"{a.AgencyName} trả lời: {HtmlText.Truncate(HtmlText.ToPlainText(a.AnswerHtml), 400)}", null, a.AnsweredAt)));
    }

    private static async Task<IResult> SitemapAsync(PublicAddress address, PostQueries posts, StaticPageService pages, CchcPortal.Core.Questions.ProgrammeEpisodeQueries episodes,
        CchcPortal.Core.Documents.DocumentQueries documents, CchcPortal.Core.Documents.PlanQueries plans, CancellationToken ct)
    {
        var urls = new List<(string Path, DateTime? Modified)> { (PublicPaths.Home, null), (PublicPaths.News, null) };
        urls.AddRange((await posts.CategoriesAsync(ct)).Select(c => (PublicPaths.Category(c.Slug), (DateTime?)null)));
        urls.AddRange((await pages.ListAsync(ct)).Select(p => (PublicPaths.StaticPage(p.Slug), (DateTime?)p.UpdatedAt)));
        urls.AddRange((await posts.SitemapEntriesAsync(ct)).Select(p => (PublicPaths.Article(p.Slug), (DateTime?)p.UpdatedAt)));
        urls.Add((PublicPaths.Programme, null));
        urls.AddRange((await episodes.SitemapEntriesAsync(ct)).Select(e => (e.Path, (DateTime?)e.Updated)));
        urls.Add((PublicPaths.Documents, null));
        urls.AddRange((await documents.LatestAsync(5000, ct)).Select(d => (PublicPaths.Document(d.Slug), (DateTime?)d.UpdatedAt)));
        urls.AddRange((await plans.YearsAsync(ct)).Select(year => (PublicPaths.PlanYear(year), (DateTime?)null)));
        return XmlFeed.Write("application/xml; charset=utf-8", w =>
        {
            const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            w.WriteStartElement("urlset", ns);
            foreach (var (path, modified) in urls)
            {
                w.WriteStartElement("url", ns);
                w.WriteElementString("loc", ns, address.Absolute(path));
                if (modified is { } m) w.WriteElementString("lastmod", ns, m.ToString("yyyy-MM-dd"));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }
}
