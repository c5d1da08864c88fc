using System.Globalization;
using System.Text;

namespace CchcPortal.Core.Common;

/// <summary>Normalisation helpers for Vietnamese text: NFC, whitespace, diacritics folding.</summary>
public static class VietnameseText
{
    /// <summary>NFC form with every run of whitespace (including NBSP) collapsed to one space, trimmed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var nfc = text.Normalize(NormalizationForm.FormC);
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

    /// <summary>NFC, with line structure kept (for Markdown and multi-line text); NBSP becomes a space.</summary>
    public static string NormalizeLines(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty
            : text.Normalize(NormalizationForm.FormC).Replace('\u00A0', ' ').Replace("\r\n", "\n");

    /// <summary>Removes tone marks and vowel diacritics; maps đ/Đ to d/D (they do not decompose in NFD).</summary>
    public static string RemoveDiacritics(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var decomposed = text.Normalize(NormalizationForm.FormD);
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
}
