using System.Text.RegularExpressions;

namespace CchcPortal.Core.Media;

/// <summary>Configuration section "Portal:Video": MP4 uploads and the hosts whose players articles may embed.</summary>
public sealed class VideoOptions
{
    public const string Section = "Portal:Video";

    /// <summary>Largest MP4 accepted, in megabytes (only the video upload page allows requests this large).</summary>
    public int MaxUploadMegabytes { get; set; } = 200;

    /// <summary>Largest WebVTT captions file, in kilobytes.</summary>
    public int MaxCaptionsKilobytes { get; set; } = 512;

    /// <summary>
    /// The hosts an editor may embed from, by key; YouTube is on by default (Portal:Video:EmbedHosts:youtube:Enabled
    /// = false turns it off), the province's video server is added under a key of its own.
    /// </summary>
    public Dictionary<string, VideoEmbedHost> EmbedHosts { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["youtube"] = VideoEmbedHost.YouTube(),
    };

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
    public long MaxCaptionsBytes => MaxCaptionsKilobytes * 1024L;
}

/// <summary>
/// One video host: which pasted links are its videos (<see cref="LinkPattern"/>, with a group named "id"), the player
/// address to frame and the page to watch on; both templates have "{id}". The player's origin is what the page's CSP
/// frame-src allows.
/// </summary>
public sealed class VideoEmbedHost
{
    public bool Enabled { get; set; } = true;
    /// <summary>Shown to editors and in "Xem trên {Name}".</summary>
    public string Name { get; set; } = "";
    public string LinkPattern { get; set; } = "";
    public string EmbedUrl { get; set; } = "";
    public string WatchUrl { get; set; } = "";

    public static VideoEmbedHost YouTube() => new()
    {
        Name = "YouTube",
        LinkPattern = @"^https?://(?:(?:www\.|m\.)?youtube\.com/(?:watch\?(?:[^#]*&)?v=|embed/|shorts/|live/)|youtu\.be/)(?<id>[A-Za-z0-9_-]{11})(?:[?&#].*)?$",
        EmbedUrl = "https://www.youtube-nocookie.com/embed/{id}",
        WatchUrl = "https://www.youtube.com/watch?v={id}",
    };
}

/// <summary>A pasted link recognised as a video of an allowed host.</summary>
public sealed record VideoEmbed(string HostName, string Id, string EmbedUrl, string WatchUrl)
{
    /// <summary>scheme://host[:port] of the player, for the CSP.</summary>
    public string Origin => new Uri(EmbedUrl).GetLeftPart(UriPartial.Authority);
}

/// <summary>Recognises links of the configured hosts.</summary>
public static partial class VideoLinks
{
    /// <summary>What an id may be, whatever a host's pattern captures: nothing that could leave the URL's path.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex SafeId();

    public static VideoEmbed? Recognise(string? link, VideoOptions options)
    {
        if (string.IsNullOrWhiteSpace(link) || link.Length > 2000) return null;
        link = link.Trim();
        foreach (var host in options.EmbedHosts.Values.Where(h => h.Enabled && h.LinkPattern.Length > 0))
        {
            Match match;
            try { match = Regex.Match(link, host.LinkPattern, RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100)); }
            catch (RegexMatchTimeoutException) { continue; }
            var id = match.Groups["id"].Value;
            if (!match.Success || !SafeId().IsMatch(id)) continue;
            var embed = host.EmbedUrl.Replace("{id}", id, StringComparison.Ordinal);
            if (!Uri.TryCreate(embed, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps) continue;
            return new VideoEmbed(host.Name, id, embed, host.WatchUrl.Replace("{id}", id, StringComparison.Ordinal));
        }
        return null;
    }

    public static string AllowedHostNames(VideoOptions options) =>
        string.Join(", ", options.EmbedHosts.Values.Where(h => h.Enabled).Select(h => h.Name));
}
