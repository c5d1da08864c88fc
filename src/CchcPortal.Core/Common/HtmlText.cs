using System.Net;
using System.Text.RegularExpressions;

namespace CchcPortal.Core.Common;

public static partial class HtmlText
{
    [GeneratedRegex("<[^>]*>")] private static partial Regex Tags();
    // A tag name ends at a space, "/" or ">": "<có chứng thực>" typed in a plain textarea is text, not a tag.
    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(\s[^>]*)?/?>|<!--")] private static partial Regex TagLike();
    [GeneratedRegex(@"\n[ \t]*\n\s*")] private static partial Regex BlankLines();

    public static bool HasTags(string? text) => text is not null && TagLike().IsMatch(text);

    /// <summary>
    /// Typed text as HTML paragraphs (what a textarea without the editor sends): a blank line starts a new &lt;p&gt;,
    /// a single newline is a &lt;br&gt;, and the text is HTML-encoded.
    /// </summary>
    public static string ParagraphsFromPlainText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var paragraphs = BlankLines().Split(text.Replace("\r\n", "\n").Replace('\r', '\n').Trim())
            .Select(p => string.Join("<br>", p.Trim().Split('\n').Select(line => WebUtility.HtmlEncode(line.Trim()))))
            .Where(p => p.Length > 0);
        return string.Concat(paragraphs.Select(p => $"<p>{p}</p>"));
    }

    /// <summary>Plain text of an HTML fragment (for summaries, feeds, meta descriptions).</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html)) return string.Empty;
        var text = Tags().Replace(html.Replace("</p>", "</p> ").Replace("<br", " <br"), " ");
        return VietnameseText.Normalize(WebUtility.HtmlDecode(text));
    }

    public static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        return (cut > max / 2 ? text[..cut] : text[..max]) + "…";
    }
}
