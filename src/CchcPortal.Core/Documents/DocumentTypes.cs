using CchcPortal.Core.Common;

namespace CchcPortal.Core.Documents;

/// <summary>One loại văn bản: its name and, when it has one, the code written in the số ký hiệu.</summary>
public sealed record DocumentType(string Name, string? Code);

/// <summary>
/// Loại văn bản and their codes in the số ký hiệu (Nghị định 30/2020/NĐ-CP, Phụ lục III, and the Party's
/// Hướng dẫn 36-HD/VPTW). Công văn carry no code ("123/UBND-VP"); laws carry only the Quốc hội
/// ("80/2015/QH13").
/// </summary>
public static class DocumentTypes
{
    public const string Law = "Luật";
    public const string Code = "Bộ luật";
    public const string Ordinance = "Pháp lệnh";
    public const string OfficialLetter = "Công văn";

    /// <summary>Codes in their official spelling; mixed case is deliberate (TTr, CTr, QyĐ).</summary>
    public static readonly IReadOnlyList<DocumentType> WithCodes =
    [
        new("Nghị quyết", "NQ"), new("Quyết định", "QĐ"), new("Chỉ thị", "CT"), new("Kế hoạch", "KH"),
        new("Nghị định", "NĐ"), new("Thông tư", "TT"), new("Thông tư liên tịch", "TTLT"), new("Thông báo", "TB"),
        new("Tờ trình", "TTr"), new("Báo cáo", "BC"), new("Hướng dẫn", "HD"), new("Chương trình", "CTr"),
        new("Quy chế", "QC"), new("Quy định", "QyĐ"), new("Thông cáo", "TC"), new("Phương án", "PA"),
        new("Đề án", "ĐA"), new("Dự án", "DA"), new("Biên bản", "BB"), new("Hợp đồng", "HĐ"),
        new("Công điện", "CĐ"), new("Giấy mời", "GM"), new("Kết luận", "KL"), new("Công văn", "CV"),
    ];

    /// <summary>Types written without a code, or only by name.</summary>
    public static readonly IReadOnlyList<DocumentType> WithoutCodes =
    [
        new(Law, null), new(Code, null), new(Ordinance, null), new("Hiến pháp", null), new("Lệnh", null),
    ];

    /// <summary>Every type name, for a select list in the editor (no duplicates, Vietnamese order).</summary>
    public static IReadOnlyList<string> Names { get; } =
        WithCodes.Select(t => t.Name).Concat(WithoutCodes.Select(t => t.Name)).Distinct()
            .Order(StringComparer.Create(VnFormat.Culture, false)).ToList();

    private static readonly Dictionary<string, DocumentType> ByExactUpper =
        WithCodes.GroupBy(t => t.Code!.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First());

    private static readonly Dictionary<string, DocumentType> ByFolded =
        WithCodes
            // An exact ASCII code wins its folded slot: "HD" is Hướng dẫn, "DA" Dự án; "QD", "ND" are QĐ, NĐ.
            .OrderBy(t => t.Code!.Contains('Đ') ? 1 : 0)
            .GroupBy(t => VietnameseText.RemoveDiacritics(t.Code).ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.First());

    /// <summary>The type whose code is written here, in any case, with or without the bar of Đ ("qd" is QĐ).</summary>
    public static DocumentType? FromCode(string? written)
    {
        if (string.IsNullOrEmpty(written)) return null;
        var upper = written.ToUpperInvariant();
        if (ByExactUpper.TryGetValue(upper, out var exact)) return exact;
        return ByFolded.GetValueOrDefault(VietnameseText.RemoveDiacritics(upper));
    }

    /// <summary>The canonical name for a type word as written in running text ("QUYẾT ĐỊNH", "quyết định").</summary>
    public static string? NameFromWord(string? word)
    {
        var folded = VietnameseText.Fold(word);
        return Names.FirstOrDefault(n => VietnameseText.Fold(n) == folded);
    }
}
