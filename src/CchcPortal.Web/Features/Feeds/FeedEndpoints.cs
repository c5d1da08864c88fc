using System.Text;
using System.Xml;
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
        var sb = new StringBuilder();
        using (var w = SafeXmlWriter.Create(sb, new XmlWriterSettings { Indent = false, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            w.WriteStartElement("channel");
            w.WriteElementString("title", category is null ? $"{site.SiteName} - Tin tức CCHC" : $"{site.SiteName} - {category.Name}");
            var channelLink = category is null ? address.Absolute("/tin-tuc") : address.Absolute($"/tin-tuc/chuyen-muc/{category.Slug}");
            w.WriteElementString("link", channelLink);
            w.WriteElementString("description", category?.Description is { Length: > 0 } d ? d : $"Tin tức cải cách hành chính của {site.UnitName}");
            w.WriteElementString("language", "vi");
            w.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            w.WriteAttributeString("href", address.Absolute(http.Request.Path.Value ?? "/"));
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
            if (items.Count > 0 && items[0].PublishedAt is { } last)
                w.WriteElementString("lastBuildDate", last.ToString("R"));
            foreach (var item in items)
            {
                var link = address.Absolute($"/tin-tuc/{item.Slug}");
                w.WriteStartElement("item");
                w.WriteElementString("title", item.Title);
                w.WriteElementString("link", link);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(link);
                w.WriteEndElement();
                w.WriteElementString("description", item.Summary);
                w.WriteElementString("category", item.CategoryName);
                if (item.PublishedAt is { } at) w.WriteElementString("pubDate", at.ToString("R"));
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return Results.Text(sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""), "application/rss+xml; charset=utf-8");
    }

    /// <summary>New published answers: title, the answering agency and the answer's text, never the asker.</summary>
    private static async Task<IResult> AnswersRssAsync(PublicAddress address, CchcPortal.Core.Questions.PublishedAnswers answers, SiteSettingsService settings, CancellationToken ct)
    {
        var site = await settings.GetAsync(ct);
        var items = (await answers.ListAsync(null, 1, FeedSize, ct)).Items;
        var sb = new StringBuilder();
        using (var w = SafeXmlWriter.Create(sb, new XmlWriterSettings { Encoding = Encoding.UTF8 }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteStartElement("channel");
            w.WriteElementString("title", $"{site.SiteName} - Câu trả lời mới");
            w.WriteElementString("link", address.Absolute("/hoi-dap/da-tra-loi"));
            w.WriteElementString("description", "Câu hỏi, phản ánh của người dân đã được thủ trưởng cơ quan trả lời.");
            w.WriteElementString("language", "vi");
            foreach (var a in items)
            {
                var link = address.Absolute($"/hoi-dap/cau-hoi/{a.Code}");
                w.WriteStartElement("item");
                w.WriteElementString("title", a.Title);
                w.WriteElementString("link", link);
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "true");
                w.WriteString(link);
                w.WriteEndElement();
                w.WriteElementString("description", $"{a.AgencyName} trả lời: {HtmlText.Truncate(HtmlText.ToPlainText(a.AnswerHtml), 400)}");
                w.WriteElementString("pubDate", a.AnsweredAt.ToString("R"));
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return Results.Text(sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""), "application/rss+xml; charset=utf-8");
    }

    private static async Task<IResult> SitemapAsync(PublicAddress address, PostQueries posts, StaticPageService pages, CchcPortal.Core.Questions.ProgrammeEpisodeQueries episodes,
        CchcPortal.Core.Documents.DocumentQueries documents, CchcPortal.Core.Documents.PlanQueries plans, CancellationToken ct)
    {
        var sb = new StringBuilder();
        using (var w = SafeXmlWriter.Create(sb, new XmlWriterSettings { Encoding = Encoding.UTF8 }))
        {
            const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            w.WriteStartDocument();
            w.WriteStartElement("urlset", ns);
            void Url(string path, DateTime? modified)
            {
                w.WriteStartElement("url", ns);
                w.WriteElementString("loc", ns, address.Absolute(path));
                if (modified is { } m) w.WriteElementString("lastmod", ns, m.ToString("yyyy-MM-dd"));
                w.WriteEndElement();
            }
            Url("/", null);
            Url("/tin-tuc", null);
            foreach (var c in await posts.CategoriesAsync(ct)) Url($"/tin-tuc/chuyen-muc/{c.Slug}", null);
            foreach (var p in await pages.ListAsync(ct)) Url($"/{p.Slug}", p.UpdatedAt);
            foreach (var (slug, updated) in await posts.SitemapEntriesAsync(ct)) Url($"/tin-tuc/{slug}", updated);
            Url(PublicPaths.Programme, null);
            foreach (var (path, updated) in await episodes.SitemapEntriesAsync(ct)) Url(path, updated);
            Url("/van-ban", null);
            foreach (var d in await documents.LatestAsync(5000, ct)) Url($"/van-ban/{d.Slug}", d.UpdatedAt);
            foreach (var year in await plans.YearsAsync(ct)) Url($"/ke-hoach-tuyen-truyen/{year}", null);
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return Results.Text(sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""), "application/xml; charset=utf-8");
    }
}
