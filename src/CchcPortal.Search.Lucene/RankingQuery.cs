using Lucene.Net.Index;
using Lucene.Net.Search;
using static CchcPortal.Search.Lucene.QueryTerms;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// The query that ranks the results: each word matches title or text, diacritics as written (stronger) or folded;
/// shingles reward words that stand together; a procedure code finds its procedure first.
/// </summary>
public static class RankingQuery
{
    /// <summary>The query, or null when nothing searchable is left (only symbols, only excluded words).</summary>
    public static Query? Build(ParsedQuery q)
    {
        var (exact, folded) = WordTerms(q);
        var top = new BooleanQuery(disableCoord: true);
        var hasPositive = false;

        if (folded.Count > 0)
        {
            AddWords(top, q, exact, folded);
            hasPositive = true;
            foreach (var (field, shingle, boost) in TitleShingles(q, exact, folded).Concat(Expansions(exact, folded)))
                top.Add(Term(field, shingle, boost), Occur.SHOULD);
            foreach (var shingle in SearchFields.FoldedShingles.Terms(q.Words).Take(MaxWords * 2).Distinct())
                if (shingle.Count(c => c == ' ') == 1) // the text holds pairs only
                    top.Add(Term(SearchFields.TextFoldedShingles, shingle, 1.5f), Occur.SHOULD);
        }

        foreach (var phrase in PhraseClauses(q))
        {
            top.Add(phrase, Occur.MUST);
            hasPositive = true;
        }
        foreach (var excluded in Exclusions(q)) top.Add(excluded, Occur.MUST_NOT);
        return hasPositive ? top : null;
    }

    /// <summary>Each quoted phrase in the title or the text, as written (stronger) or folded.</summary>
    private static IEnumerable<Query> PhraseClauses(ParsedQuery q)
    {
        foreach (var (exact, folded, marked) in PhraseTerms(q))
        {
            var either = new BooleanQuery { { Phrase(SearchFields.TitleExact, exact, 5f), Occur.SHOULD } };
            either.Add(Phrase(SearchFields.TitleFolded, folded, 3f), Occur.SHOULD);
            either.Add(Phrase(SearchFields.TextExact, exact, 1.5f), Occur.SHOULD);
            if (marked) either.Add(Phrase(SearchFields.TextFolded, folded, 1f), Occur.SHOULD);
            yield return either;
        }
    }

    /// <summary>
    /// Each meaningful word in the title or the text, as written (stronger) or folded, enough of them to match; each
    /// question word the same way, only for the score; a title holding every meaningful word first.
    /// </summary>
    private static void AddWords(BooleanQuery top, ParsedQuery q, List<string> exact, List<string> folded)
    {
        var clauses = Clauses(exact, folded);
        var meaningful = clauses.Where(c => !c.Asks).ToList();
        var words = new BooleanQuery(disableCoord: false) { MinimumNumberShouldMatch = WordsToMatch(meaningful.Count) };
        foreach (var clause in meaningful)
        {
            var typed = Typed(q, clause, exact, folded);
            if (clause.Official is null) words.Add(typed, Occur.SHOULD);
            else words.Add(new BooleanQuery(disableCoord: true)
            {
                { typed, Occur.SHOULD },
                { AllOf(clause.Official.Select(f => Term(SearchFields.TextFolded, f, 1f))), Occur.SHOULD },
            }, Occur.SHOULD);
        }
        top.Add(WordsOrCode(words, q), Occur.MUST);
        foreach (var clause in clauses.Where(c => c.Asks))
        {
            var typed = Typed(q, clause, exact, folded);
            typed.Boost *= QuestionWordWeight;
            top.Add(typed, Occur.SHOULD);
        }
        foreach (var contact in ContactBoost(exact, folded)) top.Add(contact, Occur.SHOULD);

        // A title (or other name) holding every word is what the citizen is after, however long the title:
        // length normalisation alone prefers short titles that hold only some of the words. Weighted by idf,
        // so rare words count more, without norms, so a long title is not penalised.
        var named = meaningful.SelectMany(c => folded.Skip(c.Start).Take(c.Length)).Distinct().ToList();
        if (named.Count > 1)
        {
            var all = new BooleanQuery(disableCoord: true) { Boost = 2f };
            foreach (var term in named) all.Add(new TermQuery(new Term(SearchFields.TitleCoverage, term)), Occur.MUST);
            top.Add(all, Occur.SHOULD);
        }
    }

    /// <summary>What a question word adds, against a meaningful word's weight: a tie-breaker, not a reason to rank.</summary>
    private const float QuestionWordWeight = 0.5f;

    private static Query Typed(ParsedQuery q, WordClause clause, List<string> exact, List<string> folded) =>
        AllOf(Enumerable.Range(clause.Start, clause.Length).Select(i => Word(q, exact[i], folded[i])));

    /// <summary>
    /// A word in the title or the text, as written (stronger) or folded; its other spellings (<see cref="SpellingVariants"/>)
    /// the same way, weighed down, so a document holding the word as typed comes first.
    /// </summary>
    private static Query Word(ParsedQuery q, string exact, string folded)
    {
        var word = new DisjunctionMaxQuery(0.1f);
        AddForms(word, exact, folded, 1f);
        foreach (var variant in (q.Spelling ?? SpellingVariants.None).Of(folded)) AddForms(word, variant.Exact, variant.Folded, variant.Weight);
        return word;
    }

    private static void AddForms(DisjunctionMaxQuery word, string exact, string folded, float weight)
    {
        word.Add(Term(SearchFields.TitleExact, exact, 5f * weight));
        word.Add(Term(SearchFields.TitleFolded, folded, 3f * weight));
        word.Add(Term(SearchFields.TextExact, exact, 1.5f * weight));
        // Exact and folded text terms share one field: a word typed without marks is one term, read once.
        if (exact != folded) word.Add(Term(SearchFields.TextFolded, folded, 1f * weight));
    }

    /// <summary>With a procedure code, the code alone is enough ("thủ tục 1.000894" need not contain "thủ tục").</summary>
    private static BooleanQuery WordsOrCode(Query words, ParsedQuery q)
    {
        var main = new BooleanQuery { { words, Occur.SHOULD } };
        foreach (var (code, boost) in CodeTerms(q)) main.Add(Term(SearchFields.CodeLookup, code, boost), Occur.SHOULD);
        return main;
    }
}
