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
    public static IReadOnlySet<string> HighlightTerms(ParsedQuery q) =>
        IndexFields.Folded.Terms(q.Words).Concat(q.Phrases.SelectMany(IndexFields.Folded.Terms)).ToHashSet();

    /// <summary>
    /// The query, or null when nothing searchable is left (only symbols, only excluded words).
    /// <paramref name="firstPass"/>: the cheaper query <see cref="RankedSearch"/> matches, counts and picks candidates
    /// with. It matches exactly the same documents: <see cref="IndexFields.Text"/> holds the title and keywords too,
    /// and every word folded, so the folded text term alone decides whether a word is there. Its score keeps what
    /// decides the order most: each word's title term as the full query weighs it (exact when typed with marks,
    /// folded when not) and the title shingles. It leaves out the long lists that only reorder close scores (the
    /// folded title and exact text terms of a word typed with marks) and the title-coverage conjunction.
    /// </summary>
    public static Query? Build(ParsedQuery q, bool firstPass = false)
    {
        var exact = IndexFields.Exact.Terms(q.Words).Take(MaxWords).ToList();
        var folded = IndexFields.Folded.Terms(q.Words).Take(MaxWords).ToList();
        var top = new BooleanQuery(disableCoord: true);
        var hasPositive = false;

        if (folded.Count > 0 && folded.Count == exact.Count)
        {
            if (firstPass) AddFirstPassWords(top, q, exact, folded);
            else AddWords(top, q, exact, folded);
            hasPositive = true;

            // Without marks typed, exact shingles would only find titles written without marks.
            if (!exact.SequenceEqual(folded))
                foreach (var shingle in IndexFields.ExactShingles.Terms(q.Words).Take(MaxWords * 2).Distinct())
                    top.Add(Term(IndexFields.TitleExactShingles, shingle, 6f), Occur.SHOULD);
            foreach (var shingle in IndexFields.FoldedShingles.Terms(q.Words).Take(MaxWords * 2).Distinct())
            {
                top.Add(Term(IndexFields.TitleFoldedShingles, shingle, 4f), Occur.SHOULD);
                if (!firstPass && shingle.Count(c => c == ' ') == 1) // the text holds pairs only
                    top.Add(Term(IndexFields.TextFoldedShingles, shingle, 1.5f), Occur.SHOULD);
            }
        }

        foreach (var phrase in q.Phrases.Take(5))
        {
            var phraseFolded = IndexFields.Folded.Terms(phrase).Take(MaxWords).ToList();
            var phraseExact = IndexFields.Exact.Terms(phrase).Take(MaxWords).ToList();
            if (phraseFolded.Count == 0) continue;
            var marked = !phraseExact.SequenceEqual(phraseFolded);
            var either = new BooleanQuery { { Phrase(IndexFields.TitleExact, phraseExact, 5f), Occur.SHOULD } };
            if (!marked || !firstPass) either.Add(Phrase(IndexFields.TitleFolded, phraseFolded, 3f), Occur.SHOULD);
            if (!marked || !firstPass) either.Add(Phrase(IndexFields.TextExact, phraseExact, 1.5f), Occur.SHOULD);
            if (marked) either.Add(Phrase(IndexFields.TextFolded, phraseFolded, 1f), Occur.SHOULD);
            top.Add(either, Occur.MUST);
            hasPositive = true;
        }

        AddExclusions(top, q);
        return hasPositive ? top : null;
    }

    /// <summary>Each word in the title or the text, as written (stronger) or folded; a title holding them all first.</summary>
    private static void AddWords(BooleanQuery top, ParsedQuery q, List<string> exact, List<string> folded)
    {
        var words = new BooleanQuery(disableCoord: false) { MinimumNumberShouldMatch = WordsToMatch(folded.Count) };
        for (var i = 0; i < folded.Count; i++)
        {
            var word = new DisjunctionMaxQuery(0.1f)
            {
                Term(IndexFields.TitleExact, exact[i], 5f),
                Term(IndexFields.TitleFolded, folded[i], 3f),
                Term(IndexFields.TextExact, exact[i], 1.5f),
            };
            // Exact and folded text terms share one field: a word typed without marks is one term, read once.
            if (exact[i] != folded[i]) word.Add(Term(IndexFields.TextFolded, folded[i], 1f));
            words.Add(word, Occur.SHOULD);
        }
        top.Add(WordsOrCode(words, q), Occur.MUST);

        // A title (or other name) holding every word is what the citizen is after, however long the title:
        // length normalisation alone prefers short titles that hold only some of the words. Weighted by idf,
        // so rare words count more, without norms, so a long title is not penalised.
        if (folded.Count > 1)
        {
            var all = new BooleanQuery(disableCoord: true) { Boost = 2f };
            foreach (var term in folded.Distinct()) all.Add(new TermQuery(new Term(IndexFields.TitleCoverage, term)), Occur.MUST);
            top.Add(all, Occur.SHOULD);
        }
    }

    /// <summary>
    /// The same matches with one folded text term per word; the title term the full query weighs most, apart, as
    /// optional. The text's weight is low, as its part of the full score is (a tie-breaker when the title matches).
    /// </summary>
    private static void AddFirstPassWords(BooleanQuery top, ParsedQuery q, List<string> exact, List<string> folded)
    {
        var words = new BooleanQuery(disableCoord: false) { MinimumNumberShouldMatch = WordsToMatch(folded.Count) };
        var title = new BooleanQuery(disableCoord: false);
        for (var i = 0; i < folded.Count; i++)
        {
            words.Add(Term(IndexFields.TextFolded, folded[i], 0.3f), Occur.SHOULD);
            title.Add(exact[i] != folded[i] ? Term(IndexFields.TitleExact, exact[i], 5f) : Term(IndexFields.TitleFolded, folded[i], 3f), Occur.SHOULD);
        }
        top.Add(WordsOrCode(words, q), Occur.MUST);
        top.Add(title, Occur.SHOULD);
    }

    /// <summary>Long questions need not match every syllable; short ones must.</summary>
    private static int WordsToMatch(int count) => count <= 3 ? count : (int)Math.Ceiling(count * 0.7);

    /// <summary>With a procedure code, the code alone is enough ("thủ tục 1.000894" need not contain "thủ tục").</summary>
    private static BooleanQuery WordsOrCode(Query words, ParsedQuery q)
    {
        var main = new BooleanQuery { { words, Occur.SHOULD } };
        if (q.ProcedureCode is { } code)
        {
            main.Add(Term(IndexFields.CodeLookup, code, 200f), Occur.SHOULD);
            if (DocumentMapper.NationalCode(code) != code)
                main.Add(Term(IndexFields.CodeLookup, DocumentMapper.NationalCode(code), 100f), Occur.SHOULD);
        }
        return main;
    }

    private static void AddExclusions(BooleanQuery top, ParsedQuery q)
    {
        foreach (var excluded in q.Excluded.Take(10))
        {
            var terms = IndexFields.Folded.Terms(excluded).Take(MaxWords).ToList();
            if (terms.Count == 0) continue;
            // The text holds the title and keywords too: one phrase excludes them all.
            top.Add(Phrase(IndexFields.TextFolded, terms, 1f), Occur.MUST_NOT);
        }
    }

    private static Query Term(string field, string text, float boost) => new TermQuery(new Term(field, text)) { Boost = boost };

    private static Query Phrase(string field, IReadOnlyList<string> terms, float boost)
    {
        if (terms.Count == 1) return Term(field, terms[0], boost);
        var phrase = new PhraseQuery { Boost = boost };
        foreach (var t in terms) phrase.Add(new Term(field, t));
        return phrase;
    }
}
