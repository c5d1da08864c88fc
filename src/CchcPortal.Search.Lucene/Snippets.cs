using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Lucene.Net.Analysis.TokenAttributes;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// Snippets from token offsets (Lucene.Net.Highlighter is not available): the text is analysed again, tokens whose
/// folded form is a query term are marked, and the densest window is cut at spaces. Everything but the
/// &lt;mark&gt; tags is HTML-encoded.
/// </summary>
public static class Snippets
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>How many query terms occur in <paramref name="text"/>.</summary>
    public static int CountMatches(string text, IReadOnlySet<string> foldedTerms) =>
        foldedTerms.Count == 0 || text.Length == 0 ? 0 : Matches(text, foldedTerms).Count;

    /// <summary>
    /// Only the first characters of a long text are analysed for marks: a snippet from the opening is as useful,
    /// and analysing 20,000-character procedure bodies for ten hits would cost more than the search itself.
    /// </summary>
    public const int MaxScannedChars = 6000;

    /// <summary>Offsets of the query terms in <paramref name="text"/> (its first <see cref="MaxScannedChars"/>), for <see cref="Highlight(string, IReadOnlyList{ValueTuple{int, int}}, int)"/>.</summary>
    public static IReadOnlyList<(int Start, int End)> Find(string text, IReadOnlySet<string> foldedTerms) =>
        foldedTerms.Count == 0 || string.IsNullOrEmpty(text) ? [] : Matches(text, foldedTerms);

    public static string Highlight(string text, IReadOnlySet<string> foldedTerms, int maxChars) =>
        string.IsNullOrEmpty(text) ? "" : Highlight(text, Find(text, foldedTerms), maxChars);

    public static string Highlight(string text, IReadOnlyList<(int Start, int End)> matches, int maxChars)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var (start, end) = Window(text, matches, maxChars);
        var sb = new StringBuilder();
        if (start > 0) sb.Append('…');
        var pos = start;
        foreach (var (s, e) in matches)
        {
            if (s < start || e > end) continue;
            sb.Append(Encoder.Encode(text[pos..s])).Append("<mark>").Append(Encoder.Encode(text[s..e])).Append("</mark>");
            pos = e;
        }
        sb.Append(Encoder.Encode(text[pos..end]));
        if (end < text.Length) sb.Append('…');
        return sb.ToString();
    }

    /// <summary>
    /// Offsets of matching tokens, adjacent ones merged ("đăng ký" becomes one mark). Each token is looked up by its
    /// characters in the analyser's buffer: a string and a list entry per token of a 6,000-character body, ten hits
    /// a query, were a tenth of a query's CPU.
    /// </summary>
    private static List<(int Start, int End)> Matches(string text, IReadOnlySet<string> foldedTerms)
    {
        var list = new List<(int Start, int End)>();
        var scanned = text;
        if (text.Length > MaxScannedChars)
        {
            var cut = text.LastIndexOf(' ', MaxScannedChars);
            scanned = text[..(cut > 0 ? cut : MaxScannedChars)];
        }
        var terms = Lookup(foldedTerms);
        using var stream = SearchFields.Folded.GetTokenStream("f", scanned);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var (start, end) = (offset.StartOffset, offset.EndOffset);
            if (!terms.Contains(term.Buffer.AsSpan(0, term.Length)) || end > text.Length) continue;
            if (list.Count > 0 && IsOnlySpace(text, list[^1].End, start)) list[^1] = (list[^1].Start, end);
            else list.Add((start, end));
        }
        stream.End();
        return list;
    }

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(IReadOnlySet<string> terms) =>
        terms is HashSet<string> set && set.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup) ? lookup
            : new HashSet<string>(terms, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsOnlySpace(string text, int from, int to)
    {
        if (to < from) return false;
        for (var i = from; i < to; i++) if (text[i] != ' ') return false;
        return true;
    }

    private static (int Start, int End) Window(string text, IReadOnlyList<(int Start, int End)> matches, int maxChars)
    {
        if (text.Length <= maxChars) return (0, text.Length);
        var start = 0;
        if (matches.Count > 0)
        {
            // The window holding the most matches, started a little before its first match.
            var best = 0; var bestCount = 0;
            for (var i = 0; i < matches.Count; i++)
            {
                var count = matches.Skip(i).TakeWhile(m => m.End <= matches[i].Start + maxChars).Count();
                if (count > bestCount) { best = i; bestCount = count; }
            }
            start = Math.Max(0, matches[best].Start - maxChars / 5);
            if (start > 0)
            {
                var space = text.IndexOf(' ', start);
                start = space >= 0 && space < matches[best].Start ? space + 1 : matches[best].Start;
            }
        }
        var end = Math.Min(text.Length, start + maxChars);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, end - start);
            if (space > start) end = space;
        }
        // Never split a surrogate pair (emoji or rare CJK in pasted text).
        if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start])) start++;
        if (end > start && end < text.Length && char.IsLowSurrogate(text[end])) end--;
        return (start, end);
    }
}
