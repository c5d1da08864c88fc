using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace CchcPortal.Search.Lucene.Analysis;

/// <summary>The folded forms' words written straight into the term, for <see cref="SyllableTokenizer"/>.</summary>
internal static class FoldedLowerCase
{
    /// <summary>
    /// Each known character lower-cased and folded to ASCII ("Đ" -> "d", "ế" -> "e", "æ" -> "ae"), as
    /// <see cref="FastLowerCaseFilter"/> then ASCIIFoldingFilter give it: both work character by character.
    /// </summary>
    private static readonly string[] FoldedLower = BuildFoldedLower();

    /// <summary>The single character of <see cref="FoldedLower"/>, or '\0' where it has more than one.</summary>
    private static readonly char[] FoldedLowerChar = FoldedLower.Select(f => f.Length == 1 ? f[0] : '\0').ToArray();

    private static string[] BuildFoldedLower()
    {
        var folded = new string[WordBreakClasses.TableSize];
        var output = new char[8];
        for (var c = 0; c < WordBreakClasses.TableSize; c++)
        {
            var lower = new[] { FastLowerCaseFilter.Lower((char)c) };
            folded[c] = new string(output, 0, ASCIIFoldingFilter.FoldToASCII(lower, 0, output, 0, 1));
        }
        return folded;
    }

    /// <summary>Writes <paramref name="length"/> known characters from <paramref name="start"/>, folded, as the term.</summary>
    public static void CopyFolded(char[] text, int start, int length, ICharTermAttribute term)
    {
        var buffer = term.ResizeBuffer(length);
        var written = 0;
        for (var i = start; i < start + length; i++)
        {
            var single = FoldedLowerChar[text[i]];
            if (single != '\0')
            {
                if (written == buffer.Length) buffer = term.ResizeBuffer(written + length);
                buffer[written++] = single;
                continue;
            }
            var several = FoldedLower[text[i]];
            if (written + several.Length > buffer.Length) buffer = term.ResizeBuffer(written + several.Length + length);
            several.CopyTo(buffer.AsSpan(written));
            written += several.Length;
        }
        term.Length = written;
    }
}
