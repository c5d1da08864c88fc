using System.Text.RegularExpressions;
using CchcPortal.Core.Common;
using CchcPortal.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CchcPortal.Search.Lucene;

/// <summary>What the citizen typed, split into plain words, quoted phrases and excluded words.</summary>
public sealed record ParsedQuery(string Words, IReadOnlyList<string> Phrases, IReadOnlyList<string> Excluded, string? ProcedureCode)
{
    public bool IsEmpty => Words.Length == 0 && Phrases.Count == 0 && ProcedureCode is null;
}

/// <summary>
/// Builds the Lucene query from free text without Lucene's query syntax, so nothing a citizen types can throw:
/// syntax characters are just separators to the analyzer. Each word matches title or text, diacritics as written
/// (stronger) or folded; shingles reward words that stand together; a procedure code finds its procedure first.
/// </summary>
public static partial class QueryBuilder
{
    public const int MaxWords = 24;

    [GeneratedRegex("(-?)\"([^\"]*)\"?|(\\S+)")] private static partial Regex Pieces();
    [GeneratedRegex(@"^\d{1,2}\.\d{6}(\.[A-Za-z0-9]+)?$")] private static partial Regex CodePattern();

    public static ParsedQuery Parse(string? text)
    {
        var normalized = VietnameseText.Normalize(text);
        if (normalized.Length > SearchQuery.MaxTextLength) normalized = normalized[..SearchQuery.MaxTextLength];
        var words = new List<string>();
        var phrases = new List<string>();
        var excluded = new List<string>();
        string? code = null;
        foreach (Match m in Pieces().Matches(normalized))
        {
            if (m.Groups[2].Success)
            {
                var phrase = m.Groups[2].Value.Trim();
                if (phrase.Length == 0) continue;
                (m.Groups[1].Value == "-" ? excluded : phrases).Add(phrase);
                continue;
            }
            var word = m.Groups[3].Value;
            if (word.Length > 1 && word[0] == '-') { excluded.Add(word[1..]); continue; }
            var trimmed = word.Trim('.', ',', ';', '(', ')');
            if (CodePattern().IsMatch(trimmed)) code ??= trimmed.ToLowerInvariant();
            words.Add(word);
        }
        return new ParsedQuery(string.Join(' ', words), phrases, excluded, code);
    }

    /// <summary>Folded terms a snippet should mark.</summary>
    public static IReadOnlySet<string> HighlightTerms(ParsedQuery q)
    {
        var (exact, folded) = WordTerms(q);
        var official = QueryVocabulary.EquivalentsOf(exact, folded).SelectMany(e => e.Official);
        return SearchFields.Folded.Terms(q.Words).Concat(official).Concat(q.Phrases.SelectMany(SearchFields.Folded.Terms)).ToHashSet();
    }

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

    /// <summary>
    /// What <see cref="FirstPass"/> matches, counts and picks candidates with, or null when <see cref="Build"/> gives
    /// null. It matches exactly the same documents: <see cref="SearchFields.Text"/> holds the title and keywords too,
    /// and every word folded, so the folded text term alone decides whether a word is there. Its score keeps what
    /// decides the order most: each word's title term as the full query weighs it (exact when typed with marks,
    /// folded when not) and the title shingles. It leaves out the long lists that only reorder close scores (the
    /// folded title and exact text terms of a word typed with marks) and the title-coverage conjunction.
    /// </summary>
    public static FirstPassPlan? PlanFirstPass(ParsedQuery q)
    {
        var (exact, folded) = WordTerms(q);
        var words = new List<CountedQuery>();
        var codes = new List<Query>();
        var optional = new List<Query>();
        var wordCount = 0;
        if (folded.Count > 0)
        {
            var clauses = Clauses(exact, folded);
            words.AddRange(Counted(clauses.Where(c => c.Official is null).Select(c => folded[c.Start])));
            // Words standing for an official wording: the words typed, or the wording, in the text.
            words.AddRange(clauses.Where(c => c.Official is not null).Select(c => new CountedQuery(
                new BooleanQuery { { TextTerms(folded.Skip(c.Start).Take(c.Length)), Occur.SHOULD }, { TextTerms(c.Official!), Occur.SHOULD } }, 1)));
            wordCount = clauses.Count;
            // Each word's title term as the full query weighs it most: as written when typed with marks.
            optional.AddRange(exact.Zip(folded, (x, f) => x != f ? Term(SearchFields.TitleExact, x, 5f) : Term(SearchFields.TitleFolded, f, 3f)));
            optional.AddRange(TitleShingles(q, exact, folded).Concat(Expansions(exact, folded)).Select(s => Term(s.Field, s.Shingle, s.Boost)));
            codes.AddRange(CodeTerms(q).Select(c => Term(SearchFields.CodeLookup, c.Code, c.Boost)));
        }
        var phrases = new List<Query>();
        foreach (var (match, title) in FirstPassPhrases(q))
        {
            phrases.Add(match);
            optional.Add(title);
        }
        if (words.Count == 0 && phrases.Count == 0) return null;
        return new FirstPassPlan(words, wordCount, WordsToMatch(wordCount), codes, optional, phrases, Exclusions(q).ToList());
    }

    /// <summary>Each word's exact and folded term; none when the two analyses disagree on the number of words.</summary>
    private static (List<string> Exact, List<string> Folded) WordTerms(ParsedQuery q)
    {
        var exact = SearchFields.Exact.Terms(q.Words).Take(MaxWords).ToList();
        var folded = SearchFields.Folded.Terms(q.Words).Take(MaxWords).ToList();
        return folded.Count == exact.Count ? (exact, folded) : ([], []);
    }

    /// <summary>
    /// Each word's folded text term once, with how many times it was typed (each typing is one clause of the words
    /// query). The text's weight is low, as its part of the full score is (a tie-breaker when the title matches).
    /// </summary>
    private static IEnumerable<CountedQuery> Counted(IEnumerable<string> folded) =>
        folded.GroupBy(f => f).Select(g => new CountedQuery(Term(SearchFields.TextFolded, g.Key, 0.3f), g.Count()));

    /// <summary>All of these folded terms in the text (the first pass's test for words standing together).</summary>
    private static Query TextTerms(IEnumerable<string> folded) => AllOf(folded.Select(f => Term(SearchFields.TextFolded, f, 0.3f)));

    private static Query AllOf(IEnumerable<Query> queries)
    {
        var list = queries.ToList();
        if (list.Count == 1) return list[0];
        var all = new BooleanQuery(disableCoord: true);
        foreach (var query in list) all.Add(query, Occur.MUST);
        return all;
    }

    /// <summary>One clause of the words query: a word, or the words that stand for an official wording (either matches).</summary>
    private sealed record WordClause(int Start, int Length, string[]? Official);

    private static List<WordClause> Clauses(List<string> exact, List<string> folded)
    {
        var clauses = new List<WordClause>();
        var next = 0;
        foreach (var (start, length, official) in QueryVocabulary.EquivalentsOf(exact, folded))
        {
            for (; next < start; next++) clauses.Add(new WordClause(next, 1, null));
            clauses.Add(new WordClause(start, length, official));
            next = start + length;
        }
        for (; next < folded.Count; next++) clauses.Add(new WordClause(next, 1, null));
        return clauses;
    }

    private static IEnumerable<(string Field, string Shingle, float Boost)> TitleShingles(ParsedQuery q, List<string> exact, List<string> folded)
    {
        // Without marks typed, exact shingles would only find titles written without marks.
        if (!exact.SequenceEqual(folded))
            foreach (var shingle in SearchFields.ExactShingles.Terms(q.Words).Take(MaxWords * 2).Distinct())
                yield return (SearchFields.TitleExactShingles, shingle, 6f);
        foreach (var shingle in SearchFields.FoldedShingles.Terms(q.Words).Take(MaxWords * 2).Distinct())
            yield return (SearchFields.TitleFoldedShingles, shingle, 4f);
    }

    /// <summary>The official wording of what the query says (<see cref="QueryVocabulary"/>), in titles: its shingles, or the word.</summary>
    private static IEnumerable<(string Field, string Shingle, float Boost)> Expansions(List<string> exact, List<string> folded) =>
        QueryVocabulary.ExpansionsOf(exact, folded).SelectMany(wording => wording.Length == 1
            ? [(SearchFields.TitleFolded, wording[0], 3f)]
            : SearchFields.FoldedShingles.Terms(string.Join(' ', wording)).Distinct().Select(shingle => (SearchFields.TitleFoldedShingles, shingle, 2f)));

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
    /// The first pass matches a phrase by the folded text phrase alone: the text holds the title and keywords, every
    /// syllable folded too, so it matches whatever <see cref="PhraseClauses"/> matches. A title holding the phrase
    /// (as typed when typed with marks) only adds to the score, with one shingle term when the phrase has two or three
    /// syllables: a title phrase would check positions in every title holding its words.
    /// </summary>
    private static IEnumerable<(Query Match, Query Title)> FirstPassPhrases(ParsedQuery q)
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

    /// <summary>Each quoted phrase's exact and folded terms, and whether it was typed with marks.</summary>
    private static IEnumerable<(List<string> Exact, List<string> Folded, bool Marked)> PhraseTerms(ParsedQuery q) =>
        q.Phrases.Take(5)
            .Select(p => (Exact: SearchFields.Exact.Terms(p).Take(MaxWords).ToList(), Folded: SearchFields.Folded.Terms(p).Take(MaxWords).ToList()))
            .Where(p => p.Folded.Count > 0)
            .Select(p => (p.Exact, p.Folded, !p.Exact.SequenceEqual(p.Folded)));

    /// <summary>Each word in the title or the text, as written (stronger) or folded; a title holding them all first.</summary>
    private static void AddWords(BooleanQuery top, ParsedQuery q, List<string> exact, List<string> folded)
    {
        var clauses = Clauses(exact, folded);
        var words = new BooleanQuery(disableCoord: false) { MinimumNumberShouldMatch = WordsToMatch(clauses.Count) };
        foreach (var clause in clauses)
        {
            var typed = AllOf(Enumerable.Range(clause.Start, clause.Length).Select(i => Word(exact[i], folded[i])));
            if (clause.Official is null) words.Add(typed, Occur.SHOULD);
            else words.Add(new BooleanQuery(disableCoord: true)
            {
                { typed, Occur.SHOULD },
                { AllOf(clause.Official.Select(f => Term(SearchFields.TextFolded, f, 1f))), Occur.SHOULD },
            }, Occur.SHOULD);
        }
        top.Add(WordsOrCode(words, q), Occur.MUST);

        // A title (or other name) holding every word is what the citizen is after, however long the title:
        // length normalisation alone prefers short titles that hold only some of the words. Weighted by idf,
        // so rare words count more, without norms, so a long title is not penalised.
        if (folded.Count > 1)
        {
            var all = new BooleanQuery(disableCoord: true) { Boost = 2f };
            foreach (var term in folded.Distinct()) all.Add(new TermQuery(new Term(SearchFields.TitleCoverage, term)), Occur.MUST);
            top.Add(all, Occur.SHOULD);
        }
    }

    private static Query Word(string exact, string folded)
    {
        var word = new DisjunctionMaxQuery(0.1f)
        {
            Term(SearchFields.TitleExact, exact, 5f),
            Term(SearchFields.TitleFolded, folded, 3f),
            Term(SearchFields.TextExact, exact, 1.5f),
        };
        // Exact and folded text terms share one field: a word typed without marks is one term, read once.
        if (exact != folded) word.Add(Term(SearchFields.TextFolded, folded, 1f));
        return word;
    }

    /// <summary>Long questions need not match every syllable; short ones must.</summary>
    private static int WordsToMatch(int count) => count <= 3 ? count : (int)Math.Ceiling(count * 0.7);

    /// <summary>With a procedure code, the code alone is enough ("thủ tục 1.000894" need not contain "thủ tục").</summary>
    private static BooleanQuery WordsOrCode(Query words, ParsedQuery q)
    {
        var main = new BooleanQuery { { words, Occur.SHOULD } };
        foreach (var (code, boost) in CodeTerms(q)) main.Add(Term(SearchFields.CodeLookup, code, boost), Occur.SHOULD);
        return main;
    }

    /// <summary>The code as typed and its national part (1.012753.H19 -> 1.012753).</summary>
    private static IEnumerable<(string Code, float Boost)> CodeTerms(ParsedQuery q)
    {
        if (q.ProcedureCode is not { } code) yield break;
        yield return (code, 200f);
        if (DocumentMapper.NationalCode(code) != code) yield return (DocumentMapper.NationalCode(code), 100f);
    }

    /// <summary>The text holds the title and keywords too: one phrase per excluded word or phrase excludes them all.</summary>
    private static IEnumerable<Query> Exclusions(ParsedQuery q) =>
        q.Excluded.Take(10).Select(e => SearchFields.Folded.Terms(e).Take(MaxWords).ToList()).Where(t => t.Count > 0)
            .Select(terms => Phrase(SearchFields.TextFolded, terms, 1f));

    private static Query Term(string field, string text, float boost) => new TermQuery(new Term(field, text)) { Boost = boost };

    private static Query Phrase(string field, IReadOnlyList<string> terms, float boost)
    {
        if (terms.Count == 1) return Term(field, terms[0], boost);
        var phrase = new PhraseQuery { Boost = boost };
        foreach (var t in terms) phrase.Add(new Term(field, t));
        return phrase;
    }
}

/// <summary>A words clause of <see cref="FirstPassPlan"/>, with how many clauses of the full query it stands for (a word typed twice: 2).</summary>
public readonly record struct CountedQuery(Query Query, int Count);

/// <summary>
/// The first pass of <see cref="QueryBuilder.PlanFirstPass"/>: a document matches when it holds at least
/// <see cref="MinWords"/> of the <see cref="WordCount"/> words (or one of the codes), every phrase and no excluded
/// phrase; the optional terms only add to its score.
/// </summary>
public sealed record FirstPassPlan(IReadOnlyList<CountedQuery> Words, int WordCount, int MinWords, IReadOnlyList<Query> Codes,
    IReadOnlyList<Query> Optional, IReadOnlyList<Query> Phrases, IReadOnlyList<Query> Excluded);
