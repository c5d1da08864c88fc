namespace CchcPortal.Core.Search.Vocabulary;

/// <summary>How an everyday wording joins a search (see the search engine's QueryVocabulary).</summary>
public enum VocabularyKind
{
    /// <summary>A document holding either the everyday or the official wording matches ("cmnd" ~ "căn cước").</summary>
    Equivalent = 0,
    /// <summary>The official wording only adds to the score of titles ("đổi tên" -> "thay đổi, cải chính ...").</summary>
    Expansion = 1,
}

public static class VocabularyKinds
{
    /// <summary>The word of the TSV file's loai column.</summary>
    public static string Code(VocabularyKind kind) => kind == VocabularyKind.Expansion ? "expansion" : "equivalent";

    public static VocabularyKind? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "equivalent" or "tuong-duong" or "tương đương" => VocabularyKind.Equivalent,
        "expansion" or "mo-rong" or "mở rộng" => VocabularyKind.Expansion,
        _ => null,
    };

    public static string Label(VocabularyKind kind) => kind == VocabularyKind.Expansion ? "Mở rộng (chỉ cộng điểm tiêu đề)" : "Tương đương (tìm cả hai)";
}
