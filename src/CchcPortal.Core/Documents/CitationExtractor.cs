using System.Text.RegularExpressions;
using CchcPortal.Core.Common;

namespace CchcPortal.Core.Documents;

/// <summary>
/// Finds references to documents in Vietnamese running text: numbered ("Quyết định số 224/QĐ-UBND ngày
/// 18/02/2019 của UBND tỉnh Quảng Ngãi", "Nghị quyết 17-NQ/TW", a bare "76/NQ-CP") and laws by name ("Luật
/// Tổ chức chính quyền địa phương"). Not extracted: documents named only by their subject ("Nghị quyết Đại
/// hội XIII", "Chương trình tổng thể..."), which cannot be told from ordinary prose. The text's own number in
/// its header ("Số: 37/KH-UBND" at the start of a line) is not a citation.
/// </summary>
public static partial class CitationExtractor
{
    /// <summary>One citation per document (by <see cref="DocumentCitation.Key"/>), in order of first mention;
    /// date and issuer are taken from a later mention when the first lacks them.</summary>
    public static IReadOnlyList<DocumentCitation> Extract(string? text)
    {
        var byKey = new Dictionary<string, int>();
        var result = new List<DocumentCitation>();
        foreach (var c in FindAll(text))
        {
            if (!byKey.TryGetValue(c.Key, out var i))
            {
                byKey[c.Key] = result.Count;
                result.Add(c);
                continue;
            }
            var first = result[i];
            result[i] = first with
            {
                Mentions = first.Mentions + 1,
                Date = first.Date ?? c.Date,
                Issuer = first.Issuer ?? c.Issuer,
                Number = first.Number ?? c.Number,
                Name = first.Name ?? c.Name,
            };
        }
        return result;
    }

    /// <summary>Every mention, in text order (for turning each into a link).</summary>
    public static IReadOnlyList<DocumentCitation> FindAll(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var t = VietnameseText.Nfc(text);
        var found = new List<DocumentCitation>();
        var claimed = new List<(int Start, int End)>();

        foreach (Match m in CitationPatterns.LawWord().Matches(t))
            if (NamedLaw(t, m) is { } law)
            {
                found.Add(law);
                if (law.Number is not null) claimed.Add((law.Start, law.End));
            }

        foreach (Match m in CitationPatterns.Typed().Matches(t))
        {
            var num = m.Groups["num"];
            var written = TrimGlued(num.Value);
            if (Claimed(claimed, num.Index) || !DocumentNumber.TryParse(written, out var number, out _)) continue;
            var word = DocumentTypes.NameFromWord(m.Groups["type"].Value);
            var typeName = word is null or "Văn bản" ? number!.TypeName : word;
            found.Add(Complete(t, CitationKind.Numbered, m.Index, num.Index + written.Length, typeName, number, null));
            claimed.Add((num.Index, num.Index + written.Length));
        }

        foreach (Match m in CitationPatterns.Bare().Matches(t))
        {
            if (Claimed(claimed, m.Index) || IsOwnNumber(t, m.Index)) continue;
            var written = TrimGlued(m.Value);
            if (!DocumentNumber.TryParse(written, out var number, out _)) continue;
            found.Add(Complete(t, CitationKind.Numbered, m.Index, m.Index + written.Length, number!.TypeName, number, null));
        }

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        return found;
    }

    private static DocumentCitation? NamedLaw(string t, Match word)
    {
        var nameStart = WordRun.SkipSpace(t, word.Index + word.Length);
        if (!WordRun.Word(t, nameStart, out var first)) return null;
        int nameEnd;
        if (Amending().Match(t, nameStart) is { Success: true } amending)
        {
            if (AmendedLaws(t, amending.Index + amending.Length) is not { } end) return null;
            nameEnd = end;
        }
        else if (char.IsUpper(first.Text[0])) nameEnd = LawName.Read(t, nameStart);
        else return null; // "Luật số 80/2015/QH13" is a numbered citation; "Luật quy định..." is prose.

        var name = VietnameseText.Normalize(t[word.Index..nameEnd]);
        DocumentNumber? number = null;
        var coreEnd = nameEnd;
        if (CitationPatterns.NumberAfterName().Match(t, nameEnd) is { Success: true } n
            && DocumentNumber.TryParse(n.Groups["num"].Value, out number, out _))
            coreEnd = n.Index + n.Length;
        return Complete(t, CitationKind.Named, word.Index, coreEnd, DocumentTypes.NameFromWord(word.Value)!, number, name);
    }

    // "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương".
    private static int? AmendedLaws(string t, int at)
    {
        int? end = null;
        while (AmendedLaw().Match(t, at) is { Success: true } law)
        {
            end = LawName.Read(t, law.Index + law.Length);
            if (AnotherLaw().Match(t, end.Value) is not { Success: true } more) break;
            at = more.Index + more.Length;
        }
        return end;
    }

    private static DocumentCitation Complete(
        string t, CitationKind kind, int start, int coreEnd, string typeName, DocumentNumber? number, string? name)
    {
        var end = coreEnd;
        DateOnly? date = null;
        if (CitationPatterns.DateAfter().Match(t, end) is { Success: true } d && DocumentDate.FromGroups(d, out var day))
        {
            date = day;
            end = d.Index + d.Length;
        }
        string? issuer = null;
        if (CitationPatterns.OfAfter().Match(t, end) is { Success: true } of)
        {
            var issuerStart = of.Index + of.Length;
            var issuerEnd = Issuer.Read(t, issuerStart);
            if (issuerEnd > issuerStart)
            {
                issuer = VietnameseText.Normalize(t[issuerStart..issuerEnd]);
                end = issuerEnd;
            }
        }
        return new DocumentCitation
        {
            Kind = kind, Start = start, Length = end - start, Text = VietnameseText.Normalize(t[start..end]),
            TypeName = typeName, Number = number, Name = name, Date = date, Issuer = issuer,
        };
    }

    /// <summary>
    /// Cuts what flattened tables and footnote marks glue to a number: "61/2018/NĐ-CP1" (footnote 1),
    /// "05/2025/TT-BTPMẫu" (the next cell). Digits stay on the Quốc hội's symbols ("QH13", "UBTVQH14").
    /// </summary>
    internal static string TrimGlued(string written)
    {
        var last = written.LastIndexOfAny(['/', '-']) + 1;
        var segment = written[last..];
        if (GluedWord().Match(segment) is { Success: true } word) return written[..(last + word.Groups[1].Length)];
        if (GluedDigits().Match(segment) is { Success: true } digits && !digits.Groups[1].Value.EndsWith("QH", StringComparison.Ordinal))
            return written[..(last + digits.Groups[1].Length)];
        return written;
    }

    private static bool Claimed(List<(int Start, int End)> claimed, int at) => claimed.Any(c => at >= c.Start && at < c.End);

    private static bool IsOwnNumber(string t, int at)
    {
        var lineStart = t.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        return CitationPatterns.OwnNumberHeader().IsMatch(t[Math.Max(0, lineStart - 1)..at]);
    }

    private static readonly WordRun LawName = new()
    {
        MaxWords = 15,
        Stops = ["ngày", "số", "năm", "của", "và", "theo", "về", "đã", "được", "có", "do", "để", "tại", "trong", "khi",
            "thì", "này", "mới", "như", "cho", "với", "là", "nhằm", "hiện", "mà", "thuộc", "trên", "sau", "trước",
            "gồm", "hoặc", "các", "những", "lập", "nộp", "cấp", "phải", "bị", "không"],
        BigramStops = ["quy định", "hướng dẫn", "sửa đổi", "bổ sung", "thi hành", "liên quan", "đối với"],
        Phrases = ["phong, chong", "can bo, cong chuc", "thi dua, khen thuong", "an toan, ve sinh", "phi va le phi",
            "phong chay va chua chay", "ruou, bia", "dau tu theo phuong thuc"],
    };

    private static readonly WordRun Issuer = new()
    {
        MaxWords = 12,
        AndEndsBeforeLowerCase = true,
        Stops = ["về", "tại", "trong", "ngày", "số", "nhằm", "để", "cho", "theo", "thực", "triển", "phê", "giai", "đã",
            "được", "năm", "với", "khi", "trên", "từ", "đến", "tham", "gửi", "kèm", "này", "mà", "là", "có", "hoặc"],
        BigramStops = ["ban hành", "quy định", "hướng dẫn", "công bố", "sửa đổi", "đối với", "bổ sung", "chỉ đạo"],
    };

    [GeneratedRegex(@"^(\p{Lu}{2,})\p{Lu}\p{Ll}")] private static partial Regex GluedWord();
    [GeneratedRegex(@"^(\p{L}*\p{Lu})\d{1,2}$")] private static partial Regex GluedDigits();

    [GeneratedRegex(@"\Gsửa\s+đổi,?\s+bổ\s+sung(?:\s+một\s+số\s+điều)?(?:\s+của)?\s+(?=(?:Bộ luật|Luật)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex Amending();

    [GeneratedRegex(@"\G(?:Bộ luật|Luật)\s+(?=\p{Lu})")]
    private static partial Regex AmendedLaw();

    [GeneratedRegex(@"\G(?:\s*,\s*|\s+và\s+)(?=(?:Bộ luật|Luật)\s)")]
    private static partial Regex AnotherLaw();
}
