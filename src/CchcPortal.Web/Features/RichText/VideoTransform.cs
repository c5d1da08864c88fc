using AngleSharp.Dom;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Media;
using CchcPortal.Media.Images;
using CchcPortal.Web.Features.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Features.RichText;

/// <summary>
/// Video placeholders (<see cref="VideoPlaceholder"/>) become players: a library MP4 an HTML video with controls,
/// poster, size, captions track and a download link as the fallback; a link of an allowed host that host's player in a
/// lazy, sandboxed frame, with a link to watch it on the host, and the host's origin added to the page's frame-src.
/// Nothing plays by itself. A placeholder whose host is no longer allowed, or whose file is gone, is left as a link.
/// </summary>
public sealed class VideoTransform(PortalDbContext db, IOptions<VideoOptions> options) : IBodyHtmlTransform
{
    /// <summary>The tightest sandbox the hosts' players work in (scripts in their own origin, full screen, "watch on").</summary>
    public const string Sandbox = "allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox";

    public int Order => 200;

    public async Task ApplyAsync(BodyHtmlContext context, CancellationToken ct)
    {
        var placeholders = context.Root.QuerySelectorAll(VideoPlaceholder.Selector).ToList();
        if (placeholders.Count == 0) return;
        var libraryUrls = placeholders.Select(LinkOf).Where(IsLibrary).Distinct().ToList();
        var videos = libraryUrls.Count == 0 ? new Dictionary<string, MediaItem>()
            : await db.MediaItems.AsNoTracking().Where(m => m.Kind == MediaKind.Video && libraryUrls.Contains(m.Url)).ToDictionaryAsync(m => m.Url, ct);

        foreach (var placeholder in placeholders)
        {
            var link = LinkOf(placeholder);
            var title = VietnameseText.Normalize(placeholder.GetAttribute(VideoPlaceholder.TitleAttribute));
            if (title.Length == 0) title = "Video";
            IElement? player = null;
            if (IsLibrary(link))
            {
                if (videos.TryGetValue(link, out var video)) player = LibraryPlayer(context.Document, video, title);
            }
            else if (VideoLinks.Recognise(link, options.Value) is { } embed)
            {
                player = EmbeddedPlayer(context.Document, embed, title);
                context.FrameSources.Add(embed.Origin);
            }
            placeholder.Replace(player ?? PlainLink(context.Document, link, title));
        }
    }

    private static string LinkOf(IElement placeholder) => placeholder.GetAttribute(VideoPlaceholder.LinkAttribute)?.Trim() ?? "";
    private static bool IsLibrary(string link) => link.StartsWith(VideoPlaceholder.LibraryPrefix, StringComparison.Ordinal);

    private static IElement LibraryPlayer(IDocument document, MediaItem video, string title)
    {
        var videoElement = document.CreateElement("video");
        videoElement.SetAttribute("controls", "");
        videoElement.SetAttribute("preload", "none");
        videoElement.SetAttribute("playsinline", "");
        if (video.PosterUrl is { Length: > 0 } poster) videoElement.SetAttribute("poster", ImageVariantEndpoints.Url(poster, 1280, VariantFormat.Jpeg));
        if (video.Width is { } width && video.Height is { } height)
        {
            videoElement.SetAttribute("width", width.ToString());
            videoElement.SetAttribute("height", height.ToString());
        }
        var source = document.CreateElement("source");
        source.SetAttribute("src", video.Url);
        source.SetAttribute("type", "video/mp4");
        videoElement.AppendChild(source);
        if (video.CaptionsUrl is { Length: > 0 } captions)
        {
            var track = document.CreateElement("track");
            track.SetAttribute("kind", "captions");
            track.SetAttribute("src", captions);
            track.SetAttribute("srclang", "vi");
            track.SetAttribute("label", "Tiếng Việt");
            track.SetAttribute("default", "");
            videoElement.AppendChild(track);
        }
        var fallback = document.CreateElement("p");
        fallback.AppendChild(Link(document, video.Url, $"Tải video “{title}” (MP4, {VnFormat.FileSize(video.Length)})", download: true));
        videoElement.AppendChild(fallback);
        return Figure(document, videoElement, title, null);
    }

    private static IElement EmbeddedPlayer(IDocument document, VideoEmbed embed, string title)
    {
        var frame = document.CreateElement("iframe");
        frame.SetAttribute("src", embed.EmbedUrl);
        frame.SetAttribute("title", title);
        frame.SetAttribute("width", "560");
        frame.SetAttribute("height", "315");
        frame.SetAttribute("loading", "lazy");
        frame.SetAttribute("allow", "encrypted-media; picture-in-picture; fullscreen");
        frame.SetAttribute("allowfullscreen", "");
        // The players refuse to play without knowing the embedding site; they get its origin, never the path.
        frame.SetAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        frame.SetAttribute("sandbox", Sandbox);
        return Figure(document, frame, title, Link(document, embed.WatchUrl, $"Xem trên {embed.HostName}", download: false));
    }

    private static IElement Figure(IDocument document, IElement player, string title, IElement? after)
    {
        var figure = document.CreateElement("figure");
        figure.ClassName = "video-figure";
        figure.AppendChild(player);
        var caption = document.CreateElement("figcaption");
        caption.TextContent = title;
        if (after is not null)
        {
            caption.AppendChild(document.CreateTextNode(" · "));
            caption.AppendChild(after);
        }
        figure.AppendChild(caption);
        return figure;
    }

    private static IElement PlainLink(IDocument document, string link, string title)
    {
        var paragraph = document.CreateElement("p");
        var isWebLink = Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        if (isWebLink) paragraph.AppendChild(Link(document, link, title, download: false));
        else paragraph.TextContent = title;
        return paragraph;
    }

    private static IElement Link(IDocument document, string href, string text, bool download)
    {
        var a = document.CreateElement("a");
        a.SetAttribute("href", href);
        if (download) a.SetAttribute("download", "");
        a.TextContent = text;
        return a;
    }
}
