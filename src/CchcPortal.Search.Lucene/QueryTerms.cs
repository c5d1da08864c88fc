using CchcPortal.Core.Changes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// The terms of a parsed query, as the ranking query (<see cref="RankingQuery"/>) and the first pass
/// (<see cref="FirstPassPlan"/>) both read them: each word's exact and folded term, the official wordings, the
/// shingles, phrases, codes and exclusions.
/// </summary>
public static class QueryTerms
{
    public const int MaxWords = 24;

    /// <summary>Folded terms a snippet should mark.</summary>
    public static IReadOnlySet<string> HighlightTerms(ParsedQuery q)
    {
        var (exact, folded) = WordTerms(q);
        var official = QueryVocabulary.EquivalentsOf(exact, folded).SelectMany(e => e.Official);
        return SearchFields.Folded.Terms(q.Words).Concat(official).Concat(q.Phrases.SelectMany(SearchFields.Folded.Terms)).ToHashSet();
    }

    /// <summary>Each word's exact and folded term; none when the two analyses disagree on the number of words.</summary>
    internal static (List<string> Exact, List<string> Folded) WordTerms(ParsedQuery q)
    {
        var exact = SearchFields.Exact.Terms(q.Words).Take(MaxWords).ToList();
        var folded = SearchFields.Folded.Terms(q.Words).Take(MaxWords).ToList();
        return folded.Count == exact.Count ? (exact, folded) : ([], []);
    }

    internal static Query AllOf(IEnumerable<Query> queries)
    {
        var list = queries.ToList();
        if (list.Count == 1) return list[0];
        var all = new BooleanQuery(disableCoord: true);
        foreach (var query in list) all.Add(query, Occur.MUST);
        return all;
    }

    /// <summary>
    /// One clause of the words query: a word, or the words that stand for an official wording (either matches). A
    /// clause that <see cref="Asks"/> (a question word, <see cref="QuestionWords"/>) need not match: it only adds to the score.
    /// </summary>
    internal sealed record WordClause(int Start, int Length, string[]? Official, bool Asks = false);

    internal static List<WordClause> Clauses(List<string> exact, List<string> folded)
    {
        var asks = QuestionWords.Find(exact, folded).Asks;
        // A query of question words only ("thủ tục", "làm gì") asks about them.
        if (asks.All(a => a)) asks = new bool[folded.Count];
        var clauses = new List<WordClause>();
        var next = 0;
        foreach (var (start, length, official) in QueryVocabulary.EquivalentsOf(exact, folded))
        {
            for (; next < start; next++) clauses.Add(new WordClause(next, 1, null, asks[next]));
            clauses.Add(new WordClause(start, length, official));
            next = start + length;
        }
        for (; next < folded.Count; next++) clauses.Add(new WordClause(next, 1, null, asks[next]));
        return clauses;
    }

    /// <summary>A query asking for contacts ("số điện thoại", "đường dây nóng") ranks agencies' pages higher.</summary>
    internal static IEnumerable<Query> ContactBoost(List<string> exact, List<string> folded) =>
        QuestionWords.Find(exact, folded).Contact ? [Term(SearchFields.Kind, ContentKinds.Agency, 3f)] : [];

    internal static IEnumerable<(string Field, string Shingle, float Boost)> TitleShingles(ParsedQuery q, List<string> exact, List<string> folded)
    {
        // Without marks typed, exact shingles would only find titles written without marks.
        if (!exact.SequenceEqual(folded))
            foreach (var shingle in SearchFields.ExactShingles.Terms(q.Words).Take(MaxWords * 2).Distinct())
                yield return (SearchFields.TitleExactShingles, shingle, 6f);
        foreach (var shingle in SearchFields.FoldedShingles.Terms(q.Words).Take(MaxWords * 2).Distinct())
            yield return (SearchFields.TitleFoldedShingles, shingle, 4f);
    }

    /// <summary>
    /// The official wording of what the query says (<see cref="QueryVocabulary"/>), in titles: its shingles, or the word.
    /// An equivalent's wording stands for the words typed, so a title holding it weighs about as much as one holding
    /// them (its shingles share <see cref="EquivalentTitleWeight"/>); an expansion's only nudges.
    /// </summary>
    internal static IEnumerable<(string Field, string Shingle, float Boost)> Expansions(List<string> exact, List<string> folded)
    {
        var equivalents = QueryVocabulary.EquivalentsOf(exact, folded).Select(e => string.Join(' ', e.Official)).ToHashSet();
        foreach (var wording in QueryVocabulary.ExpansionsOf(exact, folded))
        {
            var equivalent = equivalents.Contains(string.Join(' ', wording));
            if (wording.Length == 1)
            {
                yield return (SearchFields.TitleFolded, wording[0], equivalent ? 5f : 3f);
                continue;
            }
            var shingles = SearchFields.FoldedShingles.Terms(string.Join(' ', wording)).Distinct().ToList();
            foreach (var shingle in shingles)
                yield return (SearchFields.TitleFoldedShingles, shingle, equivalent ? Math.Max(2f, EquivalentTitleWeight / shingles.Count) : 2f);
        }
    }

    internal const float EquivalentTitleWeight = 24f;

    /// <summary>Each quoted phrase's exact and folded terms, and whether it was typed with marks.</summary>
    internal static IEnumerable<(List<string> Exact, List<string> Folded, bool Marked)> PhraseTerms(ParsedQuery q) =>
        q.Phrases.Take(5)
            .Select(p => (Exact: SearchFields.Exact.Terms(p).Take(MaxWords).ToList(), Folded: SearchFields.Folded.Terms(p).Take(MaxWords).ToList()))
            .Where(p => p.Folded.Count > 0)
            .Select(p => (p.Exact, p.Folded, !p.Exact.SequenceEqual(p.Folded)));

    /// <summary>
    /// How many of a query's meaningful clauses (question words left out) a result must hold: all of up to four,
    /// one less of five or six, three quarters of longer ones. Measured on the judged set (docs/benchmarks.md).
    /// </summary>
    internal static int WordsToMatch(int count) => count switch
    {
        <= 4 => count,
        <= 6 => count - 1,
        _ => (int)Math.Ceiling(count * 0.75),
    };

    /// <summary>The code as typed and its national part (1.012753.H19 -> 1.012753).</summary>
    internal static IEnumerable<(string Code, float Boost)> CodeTerms(ParsedQuery q)
    {
        if (q.ProcedureCode is not { } code) yield break;
        yield return (code, 200f);
        if (DocumentMapper.NationalCode(code) != code) yield return (DocumentMapper.NationalCode(code), 100f);
    }

    /// <summary>The text holds the title and keywords too: one phrase per excluded word or phrase excludes them all.</summary>
    internal static IEnumerable<Query> Exclusions(ParsedQuery q) =>
        q.Excluded.Take(10).Select(e => SearchFields.Folded.Terms(e).Take(MaxWords).ToList()).Where(t => t.Count > 0)
            .Select(terms => Phrase(SearchFields.TextFolded, terms, 1f));

    internal static Query Term(string field, string text, float boost) => new TermQuery(new Term(field, text)) { Boost = boost };

    internal static Query Phrase(string field, IReadOnlyList<string> terms, float boost)
    {
        if (terms.Count == 1) return Term(field, terms[0], boost);
        var phrase = new PhraseQuery { Boost = boost };
        foreach (var t in terms) phrase.Add(new Term(field, t));
        return phrase;
    }
}
