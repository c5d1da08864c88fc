using System.Text;
using System.Xml;
using CchcPortal.Core.Common;

namespace CchcPortal.Web.Features.Feeds;

/// <summary>An RSS channel; with a <paramref name="SelfLink"/>, it also names its own address (atom:link rel="self").</summary>
public sealed record RssChannel(string Title, string Link, string Description, string? SelfLink = null, DateTime? LastBuildDate = null);

/// <summary>An RSS item; its link is also its permanent guid.</summary>
public sealed record RssItem(string Title, string Link, string Description, string? Category, DateTime? PublishedAt);

/// <summary>The portal's XML answers (RSS 2.0, sitemap), written through <see cref="SafeXmlWriter"/> and declared UTF-8.</summary>
public static class XmlFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static IResult Write(string contentType, Action<XmlWriter> write)
    {
        var sb = new StringBuilder();
        using (var w = SafeXmlWriter.Create(sb, new XmlWriterSettings { Encoding = Encoding.UTF8 }))
        {
            w.WriteStartDocument();
            write(w);
            w.WriteEndDocument();
        }
        // A StringBuilder makes the writer declare UTF-16; the text is sent as UTF-8.
        return Results.Text(sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""), contentType);
    }

    public static IResult Rss(RssChannel channel, IEnumerable<RssItem> items) => Write("application/rss+xml; charset=utf-8", w =>
    {
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        if (channel.SelfLink is not null) w.WriteAttributeString("xmlns", "atom", null, Atom);
        w.WriteStartElement("channel");
        w.WriteElementString("title", channel.Title);
        w.WriteElementString("link", channel.Link);
        w.WriteElementString("description", channel.Description);
        w.WriteElementString("language", "vi");
        if (channel.SelfLink is { } self)
        {
            w.WriteStartElement("atom", "link", Atom);
            w.WriteAttributeString("href", self);
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
        }
        if (channel.LastBuildDate is { } last) w.WriteElementString("lastBuildDate", last.ToString("R"));
        foreach (var item in items)
        {
            w.WriteStartElement("item");
            w.WriteElementString("title", item.Title);
            w.WriteElementString("link", item.Link);
            w.WriteStartElement("guid");
            w.WriteAttributeString("isPermaLink", "true");
            w.WriteString(item.Link);
            w.WriteEndElement();
            w.WriteElementString("description", item.Description);
            if (item.Category is not null) w.WriteElementString("category", item.Category);
            if (item.PublishedAt is { } at) w.WriteElementString("pubDate", at.ToString("R"));
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    });
}
