using Lucene.Net.Search;
using static CchcPortal.Search.Lucene.QueryTerms;

namespace CchcPortal.Search.Lucene;

/// <summary>A words clause of <see cref="FirstPassPlan"/>, with how many clauses of the full query it stands for (a word typed twice: 2).</summary>
public readonly record struct CountedQuery(Query Query, int Count);

/// <summary>
/// The first pass of a search (<see cref="FirstPass"/>): a document matches when it holds at least
/// <see cref="MinWords"/> of the <see cref="WordCount"/> words (or one of the codes), every phrase and no excluded
/// phrase; the optional terms only add to its score.
/// </summary>
public sealed record FirstPassPlan(IReadOnlyList<CountedQuery> Words, int WordCount, int MinWords, IReadOnlyList<Query> Codes,
    IReadOnlyList<Query> Optional, IReadOnlyList<Query> Phrases, IReadOnlyList<Query> Excluded)
{
    /// <summary>
    /// What <see cref="FirstPass"/> matches, counts and picks candidates with, or null when <see cref="RankingQuery.Build"/>
    /// gives null. It matches exactly the same documents: <see cref="SearchFields.Text"/> holds the title and keywords too,
    /// and every word folded, so the folded text term alone decides whether a word is there. Its score keeps what
    /// decides the order most: each word's title term as the full query weighs it (exact when typed with marks,
    /// folded when not) and the title shingles. It leaves out the long lists that only reorder close scores (the
    /// folded title and exact text terms of a word typed with marks) and the title-coverage conjunction.
    /// </summary>
    public static FirstPassPlan? For(ParsedQuery q)
    {
        var (exact, folded) = WordTerms(q);
        var words = new List<CountedQuery>();
        var codes = new List<Query>();
        var optional = new List<Query>();
        var wordCount = 0;
        if (folded.Count > 0)
        {
            // Question words only add to the score: their title terms are among the optional terms below.
            var clauses = Clauses(exact, folded).Where(c => !c.Asks).ToList();
            words.AddRange(Counted(q, clauses.Where(c => c.Official is null).Select(c => folded[c.Start])));
            // Words standing for an official wording: the words typed, or the wording, in the text.
            words.AddRange(clauses.Where(c => c.Official is not null).Select(c => new CountedQuery(
                new BooleanQuery { { TextTerms(folded.Skip(c.Start).Take(c.Length)), Occur.SHOULD }, { TextTerms(c.Official!), Occur.SHOULD } }, 1)));
            wordCount = clauses.Count;
            // Each word's title term as the full query weighs it most: as written when typed with marks.
            optional.AddRange(exact.Zip(folded, (x, f) => x != f ? Term(SearchFields.TitleExact, x, 5f) : Term(SearchFields.TitleFolded, f, 3f)));
            optional.AddRange(TitleShingles(q, exact, folded).Concat(Expansions(exact, folded)).Select(s => Term(s.Field, s.Shingle, s.Boost)));
            optional.AddRange(ContactBoost(exact, folded));
            codes.AddRange(CodeTerms(q).Select(c => Term(SearchFields.CodeLookup, c.Code, c.Boost)));
        }
        var phrases = new List<Query>();
        foreach (var (match, title) in PhraseMatches(q))
        {
            phrases.Add(match);
            optional.Add(title);
        }
        if (words.Count == 0 && phrases.Count == 0) return null;
        return new FirstPassPlan(words, wordCount, WordsToMatch(wordCount), codes, optional, phrases, Exclusions(q).ToList());
    }

    /// <summary>
    /// Each word's folded text term once, with how many times it was typed (each typing is one clause of the words
    /// query). The text's weight is low, as its part of the full score is (a tie-breaker when the title matches). A
    /// word's other spellings match with it, weighed down, their title term too: the title term of the word as typed
    /// is among the optional terms, and a variant's title always lies within its text.
    /// </summary>
    private static IEnumerable<CountedQuery> Counted(ParsedQuery q, IEnumerable<string> folded) =>
        folded.GroupBy(f => f).Select(g => new CountedQuery(WithVariants(g.Key, (q.Spelling ?? SpellingVariants.None).Of(g.Key)), g.Count()));

    private static Query WithVariants(string folded, IReadOnlyList<SpellingVariant> variants)
    {
        var typed = Term(SearchFields.TextFolded, folded, 0.3f);
        if (variants.Count == 0) return typed;
        var any = new BooleanQuery(disableCoord: true) { { typed, Occur.SHOULD } };
        foreach (var v in variants)
        {
            any.Add(Term(SearchFields.TextFolded, v.Folded, 0.3f * v.Weight), Occur.SHOULD);
            any.Add(v.Exact != v.Folded ? Term(SearchFields.TitleExact, v.Exact, 5f * v.Weight) : Term(SearchFields.TitleFolded, v.Folded, 3f * v.Weight), Occur.SHOULD);
        }
        return any;
    }

    /// <summary>All of these folded terms in the text (the first pass's test for words standing together).</summary>
    private static Query TextTerms(IEnumerable<string> folded) => AllOf(folded.Select(f => Term(SearchFields.TextFolded, f, 0.3f)));

    /// <summary>
    /// The first pass matches a phrase by the folded text phrase alone: the text holds the title and keywords, every
    /// syllable folded too, so it matches whatever the ranking query's phrase clauses match. A title holding the phrase
    /// (as typed when typed with marks) only adds to the score, with one shingle term when the phrase has two or three
    /// syllables: a title phrase would check positions in every title holding its words.
    /// </summary>
    private static IEnumerable<(Query Match, Query Title)> PhraseMatches(ParsedQuery q)
    {
        foreach (var (exact, folded, marked) in PhraseTerms(q))
        {
            var match = Phrase(SearchFields.TextFolded, folded, marked ? 1f : 1.5f);
            var title = marked ? TitlePhrase(SearchFields.TitleExact, SearchFields.TitleExactShingles, exact, 5f)
                : TitlePhrase(SearchFields.TitleFolded, SearchFields.TitleFoldedShingles, folded, 3f);
            yield return (match, title);
        }
    }

    private static Query TitlePhrase(string field, string shingleField, List<string> terms, float boost) =>
        terms.Count is 2 or 3 ? Term(shingleField, string.Join(' ', terms), boost) : Phrase(field, terms, boost);
}
