using System.Text.RegularExpressions;

namespace CchcPortal.Core.Procedures;

/// <summary>
/// Whether a procedure can be done online, read from its national record: the level from the procedure's own name
/// ("... bằng dịch vụ công trực tuyến toàn trình", "... một phần hoặc trực tiếp"), otherwise
/// <see cref="OnlineLevel.Available"/> when its channels list "Trực tuyến". The texts of steps and descriptions
/// mention toàn trình only as conditions ("đối với các TTHC đã toàn trình ..."), so they decide nothing.
/// The address is the procedure's page on the national portal (it has the "Nộp hồ sơ" button), else a
/// dichvucong address written in an online channel's description. See docs/tthc-import.md.
/// </summary>
public static partial class OnlineAvailability
{
    [GeneratedRegex(@"(?:trực\s+tuyến|dịch\s+vụ\s+công)\s+toàn\s+trình", RegexOptions.IgnoreCase)]
    private static partial Regex FullInName();

    [GeneratedRegex(@"(?:trực\s+tuyến|dịch\s+vụ\s+công)\s+một\s+phần", RegexOptions.IgnoreCase)]
    private static partial Regex PartialInName();

    [GeneratedRegex(@"https?://(?:[a-z0-9-]+\.)*dichvucong\.[a-z0-9.-]+(?:/[^\s)\]\;,""<>]*)?", RegexOptions.IgnoreCase)]
    private static partial Regex ServiceUrl();

    public static (OnlineLevel Level, string Url) Derive(Procedure p)
    {
        var online = p.Channels.Where(c => c.Kind == ChannelKind.Online).ToList();
        var level = FullInName().IsMatch(p.Name) ? OnlineLevel.Full
            : PartialInName().IsMatch(p.Name) ? OnlineLevel.Partial
            : online.Count > 0 ? OnlineLevel.Available
            : OnlineLevel.None;
        if (level == OnlineLevel.None) return (level, "");
        if (IsNationalPortal(p.SourceUrl)) return (level, p.SourceUrl);
        var written = online.Select(c => ServiceUrl().Match(c.Description)).FirstOrDefault(m => m.Success);
        return (level, written?.Value.TrimEnd('.') ?? "");
    }

    private static bool IsNationalPortal(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps && u.Host == "dichvucong.gov.vn";
}
