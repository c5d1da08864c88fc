namespace CchcPortal.Search.Lucene.Analysis;

/// <summary>
/// UAX#29 word-break classes of the characters Vietnamese text is made of, and the rules that join them into words
/// (WB5-WB13b, Unicode 6.3 as Lucene 4.8's StandardTokenizer implements them). Characters outside the table
/// (<see cref="Class.Unknown"/>: combining marks and format characters, which the rules skip over, and every other
/// script) make <see cref="SyllableTokenizer"/> hand the value to the standard tokenizer.
/// </summary>
internal static class WordBreakClasses
{
    /// <summary>Letters, digits and connectors are flags: a word's classes are or-ed together.</summary>
    [System.Flags]
    internal enum Class : byte
    {
        Unknown = 0,
        Letter = 1,
        Numeric = 2,
        ExtendNumLet = 4,
        Other = 8,
        MidLetter = 16,
        MidNum = 32,
        /// <summary>MidNumLet and Single_Quote: between letters or between digits ("a.b", "1.5", "o'clock").</summary>
        MidNumLet = 64,
    }

    /// <summary>Letters, digits and connectors: any two of them side by side join (WB5, WB8-WB10, WB13a-b).</summary>
    private const Class WordPart = Class.Letter | Class.Numeric | Class.ExtendNumLet;

    /// <summary>The table covers the characters below this one.</summary>
    internal const int TableSize = 0x2028;
    private static readonly Class[] Table = BuildTable();

    private static Class[] BuildTable()
    {
        var table = new Class[TableSize];
        for (var c = 0; c < 0x80; c++)
            table[c] = c switch
            {
                >= 'a' and <= 'z' or >= 'A' and <= 'Z' => Class.Letter,
                >= '0' and <= '9' => Class.Numeric,
                ':' => Class.MidLetter,
                ',' or ';' => Class.MidNum,
                '.' or '\'' => Class.MidNumLet,
                '_' => Class.ExtendNumLet,
                _ => Class.Other,
            };
        // C1 controls, NBSP and the Latin-1 signs; the soft hyphen (a format character) stays unknown.
        for (var c = 0x80; c < 0xC0; c++) table[c] = c == 0xAD ? Class.Unknown : Class.Other;
        table[0xAA] = table[0xB5] = table[0xBA] = Class.Letter;
        table[0xB7] = Class.MidLetter;
        // Latin-1 letters, Latin Extended-A and -B (ơ, ư, đ), Latin Extended Additional (the toned Vietnamese vowels).
        foreach (var (from, to) in new[] { (0xC0, 0x24F), (0x1E00, 0x1EFF) })
            for (var c = from; c <= to; c++)
                table[c] = char.IsLetter((char)c) ? Class.Letter : Class.Unknown;
        table[0xD7] = table[0xF7] = Class.Other;
        // Dashes, quotes, bullets and the ellipsis.
        for (var c = 0x2010; c < TableSize; c++) table[c] = Class.Other;
        table[0x2018] = table[0x2019] = table[0x2024] = Class.MidNumLet;
        table[0x2027] = Class.MidLetter;
        return table;
    }

    /// <summary>True when every character of <paramref name="text"/> has a class in the table.</summary>
    public static bool AllKnown(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c >= TableSize || Table[c] == Class.Unknown) return false;
        return true;
    }

    /// <summary>
    /// The next word at or after <paramref name="next"/>: a run of characters the rules join that holds a letter or
    /// a digit (a run of punctuation or connectors alone is no word). On return <paramref name="next"/> is the end of
    /// the word.
    /// </summary>
    public static bool NextWord(char[] text, int length, ref int next, out int start, out bool hasLetter)
    {
        var table = Table;
        var i = next;
        while (i < length)
        {
            while (i < length && (table[text[i]] & WordPart) == 0) i++;
            if (i == length) break;
            start = i;
            var previous = table[text[i]];
            var seen = previous;
            while (++i < length)
            {
                var current = table[text[i]];
                if ((current & WordPart) != 0)
                {
                    seen |= current;
                    previous = current;
                    continue;
                }
                // A middle character joins when letters (WB6-7) or digits (WB11-12) stand on both sides of it.
                if (i + 1 < length && (current & (Class.MidLetter | Class.MidNum | Class.MidNumLet)) != 0)
                {
                    var after = table[text[i + 1]];
                    var joins = previous == Class.Letter && after == Class.Letter && (current & (Class.MidLetter | Class.MidNumLet)) != 0
                        || previous == Class.Numeric && after == Class.Numeric && (current & (Class.MidNum | Class.MidNumLet)) != 0;
                    if (joins)
                    {
                        i++;
                        seen |= after;
                        previous = after;
                        continue;
                    }
                }
                break;
            }
            if ((seen & (Class.Letter | Class.Numeric)) != 0)
            {
                next = i;
                hasLetter = (seen & Class.Letter) != 0;
                return true;
            }
        }
        start = next = length;
        hasLetter = false;
        return false;
    }
}
