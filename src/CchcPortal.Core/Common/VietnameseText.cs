using System.Buffers;
using System.Globalization;
using System.Text;

namespace CchcPortal.Core.Common;

/// <summary>
/// Normalisation helpers for Vietnamese text: NFC, whitespace, diacritics folding. Every helper is total: it never
/// throws, whatever the input (lone surrogates, non-characters, controls); nothing else should call string.Normalize.
/// </summary>
public static class VietnameseText
{
    /// <summary>
    /// NFC form with every run of whitespace (including NBSP) collapsed to one space, trimmed; without controls,
    /// non-characters, lone surrogates, bidi overrides and the invisible zero-width characters (see <see cref="Clean"/>).
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        return NormalizePlain(text) ?? CollapseSpaces(Nfc(Strip(text, singleLine: true)));
    }

    private static string CollapseSpaces(string nfc)
    {
        var sb = new StringBuilder(nfc.Length);
        var pendingSpace = false;
        foreach (var ch in nfc)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u00A0' || ch == '\u200B')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private enum PlainKind : byte { Plain, Space, OtherSpace, NotPlain }

    private const int PlainTableSize = 0x2028;
    private static readonly PlainKind[] PlainKinds = BuildPlainKinds();

    /// <summary>
    /// Printable ASCII; Latin-1 letters and signs, Latin Extended-A and -B (ơ, ư, đ); Latin Extended Additional (the
    /// Vietnamese vowels with tones); dashes, quotes, bullets, ellipsis. And ASCII whitespace.
    /// </summary>
    private static PlainKind[] BuildPlainKinds()
    {
        var kinds = new PlainKind[PlainTableSize];
        for (var c = 0; c < PlainTableSize; c++)
            kinds[c] = c switch
            {
                ' ' => PlainKind.Space,
                '\t' or '\n' or '\v' or '\f' or '\r' => PlainKind.OtherSpace,
                >= '!' and <= '~' or >= '\u00A1' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF' or >= '\u2010' and <= '\u2027' => PlainKind.Plain,
                _ => PlainKind.NotPlain,
            };
        return kinds;
    }

    /// <summary>
    /// <see cref="Normalize"/> without its scans for controls, invisible characters and NFC (the ICU call), for text
    /// made only of the plain characters of <see cref="BuildPlainKinds"/>: these have none of those (the letters are
    /// NFC as they stand: no combining marks, no singletons), so at most the spacing needs collapsing. The text itself
    /// when it needs nothing; null for any other text (the full path). One pass: indexing normalizes every title,
    /// summary and body, and the full path was half of mapping a document.
    /// </summary>
    private static bool IsPlainSpace(char c) => c < PlainTableSize && PlainKinds[c] is PlainKind.Space or PlainKind.OtherSpace;

    private static string? NormalizePlain(string text)
    {
        var kinds = PlainKinds;
        var i = 0;
        if (text[0] != ' ' && text[^1] != ' ')
        {
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= PlainTableSize) return null;
                var kind = kinds[c];
                if (kind == PlainKind.Plain) continue;
                if (kind == PlainKind.NotPlain) return null;
                // One space between two words is already right (the text does not end with one).
                if (kind == PlainKind.Space && !IsPlainSpace(text[i + 1])) continue;
                break;
            }
            if (i == text.Length) return text;
        }
        // From the first spacing to collapse on, the text is copied.
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.AsSpan(0, i).CopyTo(buffer);
            var written = i;
            var pendingSpace = false;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= PlainTableSize) return null;
                switch (kinds[c])
                {
                    case PlainKind.Plain:
                        if (pendingSpace)
                        {
                            buffer[written++] = ' ';
                            pendingSpace = false;
                        }
                        buffer[written++] = c;
                        break;
                    case PlainKind.NotPlain:
                        return null;
                    default:
                        pendingSpace = written > 0;
                        break;
                }
            }
            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>NFC, with line structure kept (for Markdown and multi-line text); NBSP becomes a space. Cleaned as <see cref="Clean"/>.</summary>
    public static string NormalizeLines(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : Clean(text).Replace('\u00A0', ' ').Replace("\r\n", "\n");

    /// <summary>
    /// Text from outside (forms, imports, rich text) as it may be stored and written into XML: NFC, without the
    /// characters no text of ours should hold: NUL and the other C0/C1 controls except tab, line feed and carriage
    /// return; non-characters (U+FFFE, U+FDD0...); lone surrogates; bidi embeddings, overrides and isolates
    /// (U+202A..U+202E, U+2066..U+2069), which can make a text read differently from what it says.
    /// </summary>
    public static string Clean(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : Nfc(Strip(text, singleLine: false));

    /// <summary>
    /// NFC that never throws: lone surrogates and non-characters (which string.Normalize refuses) become U+FFFD one
    /// for one, so offsets into a text that was already NFC still hold (search snippets, citation links).
    /// </summary>
    public static string Nfc(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var safe = ReplaceUnnormalizable(text);
        return safe.IsNormalized(NormalizationForm.FormC) ? safe : safe.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Removes tone marks and vowel diacritics; maps đ/Đ to d/D (they do not decompose in NFD).</summary>
    public static string RemoveDiacritics(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var decomposed = ReplaceUnnormalizable(text).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(ch switch { 'đ' => 'd', 'Đ' => 'D', _ => ch });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Lower-case, diacritics-free form used for simple matching ("Thủ tục" -> "thu tuc").</summary>
    public static string Fold(string? text) =>
        RemoveDiacritics(Normalize(text)).ToLowerInvariant();

    /// <summary>The text without the characters <see cref="Clean"/> removes (and, for one line, the zero-width ones).</summary>
    private static string Strip(string text, bool singleLine)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var width = IsPair(text, i) ? 2 : 1;
            var drop = width == 2 ? IsNonCharacter(char.ConvertToUtf32(text[i], text[i + 1])) : IsUnwanted(text[i], singleLine);
            if (drop) sb ??= new StringBuilder(text.Length).Append(text, 0, i);
            else sb?.Append(text, i, width);
            i += width - 1;
        }
        return sb?.ToString() ?? text;
    }

    private static string ReplaceUnnormalizable(string text)
    {
        char[]? chars = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i))
            {
                if (IsNonCharacter(char.ConvertToUtf32(text[i], text[i + 1])))
                {
                    chars ??= text.ToCharArray();
                    chars[i] = '\uFFFD';
                    chars[i + 1] = '\uFFFD';
                }
                i++;
            }
            else if (char.IsSurrogate(text[i]) || IsNonCharacter(text[i]))
            {
                chars ??= text.ToCharArray();
                chars[i] = '\uFFFD';
            }
        }
        return chars is null ? text : new string(chars);
    }

    private static bool IsPair(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

    private static bool IsNonCharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>A character (not part of a surrogate pair) that <see cref="Clean"/> removes.</summary>
    private static bool IsUnwanted(char ch, bool singleLine) => ch switch
    {
        '\t' or '\n' or '\r' => false,
        // Vertical tab, form feed and the other whitespace controls are separators on one line.
        _ when singleLine && char.IsWhiteSpace(ch) => false,
        < ' ' or >= '\u007F' and <= '\u009F' => true,
        >= '\uD800' and <= '\uDFFF' => true,
        >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => true,
        // Invisible in a title, a name or a query; in running text they join emoji and scripts that need them.
        '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' => singleLine,
        _ => IsNonCharacter(ch),
    };
}
