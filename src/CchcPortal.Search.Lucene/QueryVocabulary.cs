namespace CchcPortal.Search.Lucene;

/// <summary>
/// How citizens say it against how procedures are named. An equivalent (<see cref="EquivalentsOf"/>) changes what
/// matches: a document may hold the abbreviation or everyday name typed, or its official wording ("cmnd" or "căn
/// cước"). An expansion (<see cref="ExpansionsOf"/>) only adds the official wording to the score of titles ("đổi
/// tên" -> "thay đổi, cải chính, bổ sung thông tin hộ tịch"). A word typed with marks must have these marks ("lâm"
/// is not "làm"); typed without, its folded form is enough. Question words ("làm", "thủ tục", "ở đâu") are not the
/// vocabulary's: <see cref="QuestionWords"/> makes them optional.
/// The entries are data (content/seed/search/vocabulary.tsv, then the portal's managed copy): searches read an
/// immutable <see cref="VocabularySnapshot"/> that a change replaces whole, so no rebuild of the index is needed.
/// </summary>
public static class QueryVocabulary
{
    private static readonly VocabularySnapshot BuiltIn = VocabularySnapshot.BuiltIn();
    private static readonly AsyncLocal<VocabularySnapshot?> Scoped = new();

    /// <summary>The snapshot searches read: the one of the current request's portal, else the seed file built in.</summary>
    public static VocabularySnapshot Current => Scoped.Value ?? BuiltIn;

    /// <summary>
    /// The vocabulary for the work that follows in this async flow (a request): the portal's managed copy, which
    /// an administrator's change replaces whole. Scoped rather than process-wide, so that several portals in one
    /// process (tests run several) keep their own.
    /// </summary>
    public static IDisposable Scope(VocabularySnapshot snapshot)
    {
        var previous = Scoped.Value;
        Scoped.Value = snapshot;
        return new Restore(previous);
    }

    private sealed class Restore(VocabularySnapshot? previous) : IDisposable
    {
        public void Dispose() => Scoped.Value = previous;
    }

    /// <summary>
    /// The words of the query that stand for an official wording, as (first word, how many words, the wording's
    /// folded terms), left to right, never overlapping.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length, string[] Official)> EquivalentsOf(IReadOnlyList<string> exact, IReadOnlyList<string> folded) =>
        EquivalentsOf(Current, exact, folded);

    private static List<(int Start, int Length, string[] Official)> EquivalentsOf(VocabularySnapshot vocabulary, IReadOnlyList<string> exact, IReadOnlyList<string> folded)
    {
        var found = new List<(int, int, string[])>();
        var equivalents = vocabulary.EquivalentsByFirstWord;
        for (var i = 0; i < folded.Count; i++)
            foreach (var (key, official) in equivalents.GetValueOrDefault(folded[i], []))
                if (StartsAt(exact, folded, i, key))
                {
                    found.Add((i, key.Folded.Length, official));
                    i += key.Folded.Length - 1;
                    break;
                }
        return found;
    }

    /// <summary>The official wordings (folded terms) of what the query says, equivalents' included, each once.</summary>
    public static IReadOnlyList<string[]> ExpansionsOf(IReadOnlyList<string> exact, IReadOnlyList<string> folded)
    {
        var vocabulary = Current;
        var found = new List<string[]>();
        var seen = new HashSet<string>();
        foreach (var (key, wordings) in vocabulary.Expansions)
        {
            if (!Enumerable.Range(0, folded.Count).Any(i => StartsAt(exact, folded, i, key))) continue;
            foreach (var wording in wordings)
                if (seen.Add(string.Join(' ', wording))) found.Add(wording);
        }
        foreach (var (_, _, official) in EquivalentsOf(vocabulary, exact, folded))
            if (seen.Add(string.Join(' ', official))) found.Add(official);
        return found;
    }

    /// <summary>
    /// The positions of the query's words that some entry's everyday wording holds as typed (marks included): words
    /// the vocabulary knows, so spelt right even where no indexed text writes them with their marks ("đỏ" of "sổ đỏ").
    /// </summary>
    public static IReadOnlySet<int> KnownWords(IReadOnlyList<string> exact, IReadOnlyList<string> folded)
    {
        var vocabulary = Current;
        var known = new HashSet<int>();
        for (var i = 0; i < folded.Count; i++)
        {
            var keys = vocabulary.EquivalentsByFirstWord.GetValueOrDefault(folded[i], []).Select(e => e.Key)
                .Concat(vocabulary.Expansions.Select(e => e.Key).Where(k => k.Folded.Length > 0 && k.Folded[0] == folded[i]));
            foreach (var key in keys)
                if (StartsAt(exact, folded, i, key))
                    known.UnionWith(Enumerable.Range(i, key.Folded.Length));
        }
        return known;
    }

    private static bool StartsAt(IReadOnlyList<string> exact, IReadOnlyList<string> folded, int at, VocabularySnapshot.Words phrase)
    {
        if (at + phrase.Folded.Length > folded.Count || phrase.Exact.Length != phrase.Folded.Length) return false;
        for (var k = 0; k < phrase.Folded.Length; k++)
        {
            var typedWithMarks = exact[at + k] != folded[at + k];
            if (typedWithMarks ? exact[at + k] != phrase.Exact[k] : folded[at + k] != phrase.Folded[k]) return false;
        }
        return true;
    }
}
