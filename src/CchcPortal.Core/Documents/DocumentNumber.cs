using System.Text.RegularExpressions;
using CchcPortal.Core.Common;

namespace CchcPortal.Core.Documents;

/// <summary>
/// A số ký hiệu: "224/QĐ-UBND", "61/2018/NĐ-CP", "17-NQ/TW" (Party style: code before the slash),
/// "1457/STTTT-TTBCXB" (a công văn: no type code), "80/2015/QH13" (a law).
/// <see cref="Canonical"/> is the display form: separators without spaces, codes in their official case
/// (QĐ, TTr, TTg, the rest upper case), the number's digits as written ("07" stays "07").
/// <see cref="Key"/> compares documents: number as an integer, no diacritics, upper case, so
/// "qd-ubnd", "QD-UBND" and "QĐ-UBND" match. It also folds HĐ (hợp đồng) onto HD (hướng dẫn) and ĐA (đề án)
/// onto DA (dự án), an accepted collision: a text typed without diacritics cannot tell them apart either.
/// </summary>
public sealed partial record DocumentNumber
{
    public const int MaxLength = 60;

    public required int Number { get; init; }
    /// <summary>The number as written, with its letter suffix when there is one ("07", "30c").</summary>
    public required string NumberText { get; init; }
    public int? Year { get; init; }
    /// <summary>The type code in official spelling ("QĐ", "TTr"); null for công văn and laws.</summary>
    public string? TypeCode { get; init; }
    /// <summary>The issuing body and, for công văn, the drafting unit: "UBND", "CP", "TW", "STTTT-TTBCXB", "QH13".</summary>
    public required string Issuer { get; init; }
    /// <summary>Party documents put the code before the slash: "17-NQ/TW".</summary>
    public bool IsPartyStyle { get; init; }
    public required string Canonical { get; init; }
    public required string Key { get; init; }

    /// <summary>Loại văn bản implied by the number alone.</summary>
    public string TypeName => TypeCode switch
    {
        "TT" when IsPartyStyle => "Thông tri",
        not null => DocumentTypes.FromCode(TypeCode)!.Name,
        null when LawIssuer().IsMatch(Issuer) => DocumentTypes.Law,
        null when Issuer.StartsWith("UBTVQH", StringComparison.Ordinal) => DocumentTypes.Ordinance,
        null => DocumentTypes.OfficialLetter,
    };

    public override string ToString() => Canonical;

    public static DocumentNumber? ParseOrNull(string? written) => TryParse(written, out var n, out _) ? n : null;

    public static DocumentNumber Parse(string? written) =>
        TryParse(written, out var n, out var error) ? n! : throw new FormatException(error);

    /// <summary>Parses a số ký hiệu as an editor or a text writes it; on failure, a Vietnamese reason.</summary>
    public static bool TryParse(string? written, out DocumentNumber? number, out string? error)
    {
        number = null;
        error = Check(written, out var parsed);
        number = parsed;
        return error is null;
    }

    private static string? Check(string? written, out DocumentNumber? number)
    {
        number = null;
        var text = Compact(written);
        if (text.Length == 0) return "Chưa nhập số ký hiệu.";
        if (text.Length > MaxLength) return $"Số ký hiệu quá dài (tối đa {MaxLength} ký tự).";
        var bad = text.FirstOrDefault(c => !char.IsLetterOrDigit(c) && c != '/' && c != '-');
        if (bad != default) return $"Số ký hiệu chứa ký tự không hợp lệ: “{bad}”. Chỉ dùng chữ, số, dấu “/” và “-”.";
        if (text[0] == '/') return "Thiếu số thứ tự trước dấu “/” (ví dụ 37/KH-UBND).";
        var head = Head().Match(text);
        if (!head.Success) return "Số ký hiệu phải bắt đầu bằng số thứ tự của văn bản (ví dụ 37/KH-UBND).";
        var digits = head.Groups["n"].Value;
        if (digits.Length > 6 || !int.TryParse(digits, out var value)) return "Số thứ tự quá lớn.";
        if (value == 0) return "Số thứ tự phải lớn hơn 0.";
        var numberText = digits + head.Groups["s"].Value.ToLowerInvariant();
        var rest = text[head.Length..];
        if (rest.Length == 0) return "Thiếu ký hiệu sau số thứ tự (ví dụ 37/KH-UBND).";
        if (char.IsLetter(rest[0])) return "Thiếu dấu “/” giữa số thứ tự và ký hiệu (ví dụ 37/KH-UBND).";

        return rest[0] == '-'
            ? CheckParty(value, numberText, rest[1..], out number)
            : CheckState(value, numberText, rest[1..], out number);
    }

    private static string? CheckState(int value, string numberText, string rest, out DocumentNumber? number)
    {
        number = null;
        var parts = rest.Split('/');
        if (parts.Length > 2) return "Số ký hiệu có quá nhiều dấu “/” (dạng đúng: 37/KH-UBND hoặc 61/2018/NĐ-CP).";
        int? year = null;
        if (parts.Length == 2)
        {
            if (!YearPattern().IsMatch(parts[0]) || int.Parse(parts[0]) is < 1945 or > 2100)
                return $"Năm ban hành “{parts[0]}” không hợp lệ: cần 4 chữ số (ví dụ 61/2018/NĐ-CP).";
            year = int.Parse(parts[0]);
        }
        var symbol = parts[^1];
        if (symbol.Length == 0) return "Thiếu ký hiệu sau dấu “/” (ví dụ 224/QĐ-UBND).";
        if (CheckSegments(symbol, out var segments) is { } bad) return bad;

        string? code = null;
        var issuerSegments = segments;
        if (DocumentTypes.FromCode(segments[0]) is { } type)
        {
            if (segments.Length == 1) return $"Thiếu cơ quan ban hành sau “{type.Code}” (ví dụ 224/QĐ-UBND).";
            code = type.Code;
            issuerSegments = segments[1..];
        }
        var issuer = string.Join('-', issuerSegments.Select(CanonicalSegment));
        var canonicalSymbol = code is null ? issuer : code + "-" + issuer;
        var canonical = numberText + (year is null ? "" : "/" + year) + "/" + canonicalSymbol;
        var key = KeyNumber(value, numberText) + (year is null ? "" : "/" + year) + "/" + canonicalSymbol;
        number = new DocumentNumber
        {
            Number = value, NumberText = numberText, Year = year, TypeCode = code, Issuer = issuer,
            Canonical = canonical, Key = Fold(key),
        };
        return null;
    }

    private static string? CheckParty(int value, string numberText, string rest, out DocumentNumber? number)
    {
        number = null;
        var slash = rest.IndexOf('/');
        if (slash < 0) return "Thiếu dấu “/” trước cơ quan ban hành (ví dụ 17-NQ/TW).";
        var written = rest[..slash];
        if (DocumentTypes.FromCode(written) is not { } type)
            return written.Length == 0
                ? "Thiếu loại văn bản sau dấu “-” (ví dụ 17-NQ/TW)."
                : $"Không nhận ra loại văn bản “{written}” (ví dụ 17-NQ/TW, 125-KH/TU).";
        var issuerText = rest[(slash + 1)..];
        if (issuerText.Length == 0) return "Thiếu cơ quan ban hành sau dấu “/” (ví dụ 17-NQ/TW).";
        if (issuerText.Contains('/')) return "Số ký hiệu có quá nhiều dấu “/” (ví dụ 17-NQ/TW).";
        if (CheckSegments(issuerText, out var segments) is { } bad) return bad;
        var issuer = string.Join('-', segments.Select(CanonicalSegment));
        var symbol = type.Code + "/" + issuer;
        number = new DocumentNumber
        {
            Number = value, NumberText = numberText, TypeCode = type.Code, Issuer = issuer, IsPartyStyle = true,
            Canonical = numberText + "-" + symbol, Key = Fold(KeyNumber(value, numberText) + "-" + symbol),
        };
        return null;
    }

    private static string? CheckSegments(string symbol, out string[] segments)
    {
        segments = symbol.Split('-');
        if (segments.Any(s => s.Length == 0)) return "Ký hiệu có dấu “-” thừa hoặc thiếu chữ viết tắt (ví dụ 224/QĐ-UBND).";
        if (segments.FirstOrDefault(s => !s.Any(char.IsLetter)) is { } digitsOnly)
            return $"Ký hiệu “{digitsOnly}” không hợp lệ: ký hiệu là chữ viết tắt của loại văn bản và cơ quan ban hành (ví dụ QĐ-UBND).";
        if (segments.FirstOrDefault(s => s.Length > 15) is { } tooLong) return $"Chữ viết tắt “{tooLong}” quá dài.";
        return null;
    }

    // Abbreviations whose official spelling is not all upper case (TTg: Thủ tướng).
    private static readonly Dictionary<string, string> MixedCase = new(StringComparer.Ordinal) { ["TTG"] = "TTg" };

    private static string CanonicalSegment(string segment)
    {
        var upper = segment.ToUpperInvariant();
        if (MixedCase.TryGetValue(upper, out var mixed)) return mixed;
        return upper;
    }

    private static string KeyNumber(int value, string numberText) =>
        value.ToString(System.Globalization.CultureInfo.InvariantCulture) + (char.IsLetter(numberText[^1]) ? numberText[^1..] : "");

    private static string Fold(string key) => VietnameseText.RemoveDiacritics(key).ToUpperInvariant();

    /// <summary>NFC, "Số:" prefix dropped, dashes and slashes unified, spaces removed ("Số: 37 /KH-UBND").</summary>
    private static string Compact(string? written)
    {
        var text = VietnameseText.Normalize(written);
        text = NumberPrefix().Replace(text, "");
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            buffer[n++] = c switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u2215' or '\uFF0F' => '/',
                _ => c,
            };
        }
        return new string(buffer[..n]);
    }

    [GeneratedRegex(@"^(?:số|so|no\.?)\s*[:.]?\s*(?=\d|/)", RegexOptions.IgnoreCase)] private static partial Regex NumberPrefix();
    [GeneratedRegex(@"^(?<n>\d+)(?<s>[a-zA-Z](?![\p{L}]))?")] private static partial Regex Head();
    [GeneratedRegex(@"^\d{4}$")] private static partial Regex YearPattern();
    [GeneratedRegex(@"^QH\d*$")] private static partial Regex LawIssuer();
}
