using CchcPortal.Core.Search.Vocabulary;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// The vocabulary analysed once for matching: immutable, so a search reads one snapshot throughout while an
/// administrator's change builds the next (<see cref="QueryVocabulary.Scope"/>).
/// </summary>
public sealed class VocabularySnapshot
{
    internal sealed record Words(string[] Exact, string[] Folded);

    internal (Words Key, string[][] Wordings)[] Expansions { get; }

    /// <summary>Longest first, so "sang tên sổ đỏ" wins over "sổ đỏ".</summary>
    internal (Words Key, string[] Official)[] Equivalents { get; }

    /// <summary>The equivalents by their first folded word, longest first: a query word looks up only its own.</summary>
    internal IReadOnlyDictionary<string, (Words Key, string[] Official)[]> EquivalentsByFirstWord { get; }

    public int Count { get; }

    public VocabularySnapshot(IEnumerable<VocabularyLine> lines)
    {
        var list = lines.ToList();
        Count = list.Count;
        Expansions = list.Where(l => l.Kind == VocabularyKind.Expansion)
            .Select(l => (Analyse(l.Key), l.Officials.Select(o => Analyse(o).Folded).Where(w => w.Length > 0).ToArray()))
            .Where(e => Usable(e.Item1)).ToArray();
        Equivalents = list.Where(l => l.Kind == VocabularyKind.Equivalent)
            .Select(l => (Analyse(l.Key), Analyse(l.Official).Folded))
            .Where(e => Usable(e.Item1) && e.Folded.Length > 0)
            .OrderByDescending(e => e.Item1.Folded.Length).ToArray();
        EquivalentsByFirstWord = Equivalents.GroupBy(e => e.Key.Folded[0]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public static readonly VocabularySnapshot Empty = new([]);

    /// <summary>The seed file built into this assembly.</summary>
    public static VocabularySnapshot BuiltIn()
    {
        using var stream = typeof(VocabularySnapshot).Assembly.GetManifestResourceStream("CchcPortal.Search.Lucene.vocabulary.tsv")
            ?? throw new InvalidOperationException("The built-in search vocabulary is missing.");
        using var reader = new StreamReader(stream);
        return new(VocabularyTsv.Parse(reader.ReadToEnd()).Lines);
    }

    private static Words Analyse(string text) => new(SearchFields.Exact.Terms(text).ToArray(), SearchFields.Folded.Terms(text).ToArray());

    /// <summary>A key the two analyses split differently can never match a query word by word.</summary>
    private static bool Usable(Words key) => key.Folded.Length > 0 && key.Exact.Length == key.Folded.Length;
}
