namespace CchcPortal.Search.Lucene;

/// <summary>
/// What the index keeps of a value, whatever the database holds. Lucene refuses a whole document whose keyword
/// term or sorted doc value exceeds 32,766 UTF-8 bytes (IndexWriter.MAX_TERM_LENGTH); a field typed without a
/// length limit (a 100,000-character lĩnh vực) must never make a document, and the feed behind it, unindexable.
/// </summary>
public static class SearchFieldLimits
{
    /// <summary>Facet, filter and lookup values: far above any real name, and at 4 UTF-8 bytes a character still far below Lucene's limit.</summary>
    public const int MaxKeywordChars = 500;

    /// <summary>Titles are shown whole in results and suggestions and analysed five times over.</summary>
    public const int MaxTitleChars = 1000;

    /// <summary>A keyword value cut to <see cref="MaxKeywordChars"/>, never between the halves of a surrogate pair.</summary>
    public static string Keyword(string value) => Cut(value, MaxKeywordChars);

    /// <summary>A title cut to <see cref="MaxTitleChars"/>, at the last space before the limit when there is one.</summary>
    public static string Title(string value)
    {
        if (value.Length <= MaxTitleChars) return value;
        var space = value.LastIndexOf(' ', MaxTitleChars);
        return space > MaxTitleChars / 2 ? value[..space] : Cut(value, MaxTitleChars);
    }

    private static string Cut(string value, int max)
    {
        if (value.Length <= max) return value;
        return char.IsHighSurrogate(value[max - 1]) ? value[..(max - 1)] : value[..max];
    }
}
