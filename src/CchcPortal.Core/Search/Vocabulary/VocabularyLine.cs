using CchcPortal.Core.Common;

namespace CchcPortal.Core.Search.Vocabulary;

/// <summary>An entry as the file, the form and the search engine see it, normalized.</summary>
public sealed record VocabularyLine(string Key, string Official, VocabularyKind Kind, string Group)
{
    public IReadOnlyList<string> Officials => SplitOfficial(Official);

    public static IReadOnlyList<string> SplitOfficial(string official) =>
        official.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Lower case, one space between words; the official wordings joined by "; ".</summary>
    public static VocabularyLine Normalized(string? key, string? official, VocabularyKind kind, string? group) =>
        new(NormalizeWords(key), string.Join("; ", SplitOfficial(NormalizeWords(official))), kind, VietnameseText.Normalize(group).ToLowerInvariant());

    public static string NormalizeWords(string? text) =>
        string.Join(' ', VietnameseText.Normalize(text).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
