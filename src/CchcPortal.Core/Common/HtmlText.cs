using System.Net;
using System.Text.RegularExpressions;

namespace CchcPortal.Core.Common;

public static partial class HtmlText
{
    [GeneratedRegex("<[^>]*>")] private static partial Regex Tags();

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
