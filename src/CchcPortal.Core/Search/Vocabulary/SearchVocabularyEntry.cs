namespace CchcPortal.Core.Search.Vocabulary;

/// <summary>One line of the citizen vocabulary: how people say it, the official wording, and how it joins a search.</summary>
public class SearchVocabularyEntry
{
    public const int MaxKey = 100, MaxOfficial = 300, MaxGroup = 50;
    /// <summary>The group of entries added on the manager screen without one.</summary>
    public const string ManagerGroup = "quan-tri";

    public int Id { get; set; }
    /// <summary>Lower case, spaces collapsed: unique.</summary>
    public string Key { get; set; } = "";
    /// <summary>The official wording; an expansion may hold several, separated by ";".</summary>
    public string Official { get; set; } = "";
    public VocabularyKind Kind { get; set; }
    public string Group { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<string> Officials => VocabularyLine.SplitOfficial(Official);
}
