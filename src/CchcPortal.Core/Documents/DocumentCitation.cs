using CchcPortal.Core.Common;

namespace CchcPortal.Core.Documents;

public enum CitationKind
{
    /// <summary>Cited by its số ký hiệu ("Quyết định số 224/QĐ-UBND", or a bare "76/NQ-CP").</summary>
    Numbered,
    /// <summary>A law (Luật, Bộ luật, Pháp lệnh) cited by its name only ("Luật Ngân sách nhà nước").</summary>
    Named,
}

/// <summary>
/// One document reference found in a text. Start/Length index the NFC form of the text (the portal stores
/// text in NFC, so for stored text that is the text itself).
/// </summary>
public sealed record DocumentCitation
{
    public required CitationKind Kind { get; init; }
    public required int Start { get; init; }
    public required int Length { get; init; }
    /// <summary>The matched words, from the type word to the issuer.</summary>
    public required string Text { get; init; }
    /// <summary>Loại văn bản: from the word in the text when there is one, else from the number's code.</summary>
    public required string TypeName { get; init; }
    public DocumentNumber? Number { get; init; }
    /// <summary>The law's name with its type word ("Luật Tổ chức chính quyền địa phương"); null for numbered citations.</summary>
    public string? Name { get; init; }
    public DateOnly? Date { get; init; }
    /// <summary>The issuer as the text names it after "của" ("UBND tỉnh Quảng Ngãi", "Thủ tướng Chính phủ").</summary>
    public string? Issuer { get; init; }
    /// <summary>How many times the text mentions this document (after de-duplication).</summary>
    public int Mentions { get; init; } = 1;

    public int End => Start + Length;

    /// <summary>The number's key when there is a number, else the folded name: equal keys, same document.</summary>
    public string Key => Number?.Key ?? NameKey(Name);

    public static string NameKey(string? name) => VietnameseText.Fold(name);
}
