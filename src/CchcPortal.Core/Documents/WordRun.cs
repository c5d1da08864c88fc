using CchcPortal.Core.Common;

namespace CchcPortal.Core.Documents;

/// <summary>
/// Reads a run of words (a law's name, an issuer) from a position in running text, up to punctuation, a
/// paragraph break or a word that starts the next clause ("ngày", "về", "ban hành"...).
/// </summary>
internal sealed class WordRun
{
    /// <summary>Lower-case words, with diacritics, that end the run.</summary>
    public required HashSet<string> Stops { get; init; }
    public HashSet<string> BigramStops { get; init; } = [];
    /// <summary>Folded phrases that carry a comma or a stop word but belong to the name ("phòng, chống").</summary>
    public IReadOnlyList<string> Phrases { get; init; } = [];
    public int MaxWords { get; init; } = 12;
    /// <summary>"và" ends the run when a lower-case word or a type word follows ("của Chính phủ và Nghị quyết").</summary>
    public bool AndEndsBeforeLowerCase { get; init; }

    /// <summary>End (exclusive) of the run starting at the word at <paramref name="start"/>; start when none.</summary>
    public int Read(string text, int start)
    {
        if (!Word(text, start, out var first)) return start;
        var end = first.End;
        var count = 1;
        while (count < MaxWords)
        {
            if (PhraseEnd(text, end) is { } through) { end = through; count++; continue; }
            var gap = SkipSpace(text, end);
            if (gap == end || !Word(text, gap, out var next)) break;
            // Stop words keep their diacritics: folded, "tại" would stop "Tài chính" and "số" "Sở Nội vụ".
            var lower = next.Text.ToLowerInvariant();
            if (char.IsDigit(lower[0]) || Stops.Contains(lower)) break;
            if (lower == "và" && AndEndsBeforeLowerCase && EndsAtAnd(text, next.End)) break;
            if (Word(text, SkipSpace(text, next.End), out var after)
                && BigramStops.Contains(lower + " " + after.Text.ToLowerInvariant())) break;
            if (CitationPatterns.StartsTypeWord(text, next.Start)) break;
            end = next.End;
            count++;
        }
        return end;
    }

    private static bool EndsAtAnd(string text, int afterAnd)
    {
        var at = SkipSpace(text, afterAnd);
        if (!Word(text, at, out var next)) return true;
        return char.IsLower(next.Text[0]) || CitationPatterns.StartsTypeWord(text, next.Start);
    }

    // A whitelisted phrase that starts with the word just read and runs past it: returns its end.
    private int? PhraseEnd(string text, int end)
    {
        var wordStart = end;
        while (wordStart > 0 && char.IsLetterOrDigit(text[wordStart - 1])) wordStart--;
        foreach (var phrase in Phrases)
        {
            var stop = wordStart + phrase.Length;
            if (stop <= end || stop > text.Length) continue;
            if (stop < text.Length && char.IsLetterOrDigit(text[stop])) continue;
            var candidate = VietnameseText.RemoveDiacritics(text[wordStart..stop]).ToLowerInvariant();
            if (candidate == phrase) return stop;
        }
        return null;
    }

    public readonly record struct Token(int Start, int End, string Text);

    public static bool Word(string text, int at, out Token token)
    {
        token = default;
        if (at >= text.Length || !char.IsLetterOrDigit(text[at])) return false;
        // Letters and digits make separate words: flattened tables glue them ("Luật Công chứng1 bản chính").
        var digits = char.IsDigit(text[at]);
        var end = at;
        while (end < text.Length && (digits ? char.IsDigit(text[end])
                   : char.IsLetter(text[end]) || char.GetUnicodeCategory(text[end]) == System.Globalization.UnicodeCategory.NonSpacingMark)) end++;
        token = new Token(at, end, text[at..end]);
        return true;
    }

    /// <summary>Skips spaces and at most one line break (a paragraph break ends a run).</summary>
    public static int SkipSpace(string text, int at)
    {
        var breaks = 0;
        var i = at;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            if (text[i] == '\n' && ++breaks > 1) return at;
            i++;
        }
        return i;
    }
}
