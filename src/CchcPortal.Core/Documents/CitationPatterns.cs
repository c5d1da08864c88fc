using System.Text.RegularExpressions;

namespace CchcPortal.Core.Documents;

/// <summary>The regular expressions of the citation extractor.</summary>
internal static partial class CitationPatterns
{
    private const string TypeWords =
        @"thông\s+tư\s+liên\s+tịch|nghị\s+quyết|quyết\s+định|chỉ\s+thị|kế\s+hoạch|nghị\s+định|thông\s+tư|thông\s+báo|"
        + @"thông\s+tri|tờ\s+trình|báo\s+cáo|hướng\s+dẫn|chương\s+trình|quy\s+chế|quy\s+định|kết\s+luận|công\s+văn|"
        + @"công\s+điện|đề\s+án|phương\s+án|bộ\s+luật|luật|pháp\s+lệnh|văn\s+bản";

    // A number as texts write it: "224/QĐ-UBND", "61/2018/NĐ-CP", "17-NQ/TW", "37 /KH-UBND". No spaces
    // around "-" (a list dash would follow), one optional space around the slashes.
    private const string Number = @"\d{1,6}[a-zA-Z]?(?:\s?/\s?[\p{L}\d]+|-[\p{L}\d]+)(?:\s?/\s?[\p{L}\d]+|-[\p{L}\d]+)*";

    /// <summary>Type word, optional "số", the number: "Quyết định số 224/QĐ-UBND", "Nghị quyết 17-NQ/TW".</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?<type>" + TypeWords + @")(?:\s+số)?\s*:?\s*(?<num>" + Number + @")(?![\p{L}\d])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Typed();

    /// <summary>
    /// A number standing alone ("theo 76/NQ-CP"): only the shapes no date, fraction or page number has - an
    /// upper-case symbol after the slash with a "-" part or a year ("80/2015/QH13"), or the Party's "17-NQ/TW".
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\d/.\-])(?<num>\d{1,6}[a-z]?(?:/\d{4}/\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*|/\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)+|-\p{Lu}\p{L}*/\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*))(?![\p{L}\d/])")]
    public static partial Regex Bare();

    /// <summary>The header of the text's own number: "Số: 37/KH-UBND" at the start of a line.</summary>
    [GeneratedRegex(@"(?:^|\n)[\s*_#]*số\s*:?\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex OwnNumberHeader();

    /// <summary>A law's type word; the name follows (capitalised, or "sửa đổi, bổ sung ...").</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?<type>Bộ luật|Luật|Pháp lệnh)(?=\s)")]
    public static partial Regex LawWord();

    /// <summary>After a number or a name: ", ngày 18/02/2019", "ban hành ngày 18 tháng 02 năm 2019".</summary>
    [GeneratedRegex(@"\G\s{0,3},?\s{0,3}(?:ban\s+hành\s+|được\s+ban\s+hành\s+)?ngày\s+" + DocumentDate.Pattern, RegexOptions.IgnoreCase)]
    public static partial Regex DateAfter();

    /// <summary>After a number or date: "của " then the issuer.</summary>
    [GeneratedRegex(@"\G\s{0,3},?\s{0,3}của\s+(?=\p{Lu})", RegexOptions.IgnoreCase)]
    public static partial Regex OfAfter();

    /// <summary>After a law's name: "số 80/2015/QH13".</summary>
    [GeneratedRegex(@"\G\s{0,3}số\s*:?\s*(?<num>" + Number + @")(?![\p{L}\d])", RegexOptions.IgnoreCase)]
    public static partial Regex NumberAfterName();

    [GeneratedRegex(@"\G(?:" + TypeWords + @")(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypeWordAt();

    /// <summary>A capitalised type word starts here ("Nghị quyết"): the next citation, not part of a name.</summary>
    public static bool StartsTypeWord(string text, int at) =>
        at < text.Length && char.IsUpper(text[at]) && TypeWordAt().IsMatch(text, at);
}
