using CchcPortal.Core.Common;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace CchcPortal.Search.Lucene;

/// <summary>Another spelling a typed word also matches, and how much a match on it weighs against the word as typed.</summary>
public sealed record SpellingVariant(string Exact, string Folded, float Weight);

/// <summary>
/// How the words of a query may have been misspelt, read from the index: each word's other spellings
/// (<see cref="IyVariant"/>; for a rare word of 4+ letters its one-edit neighbours that are far more frequent) and
/// the correction to offer ("Có phải bạn muốn tìm"). Only plain words, never codes, quoted phrases or excluded words.
/// </summary>
public sealed class SpellingVariants
{
    public static readonly SpellingVariants None = new(new Dictionary<string, IReadOnlyList<SpellingVariant>>(), new Dictionary<string, string>());

    /// <summary>A word is fuzzed only when at most one document in this many holds it (a frequent word is right as typed).</summary>
    public const int RareIn = 1000;
    /// <summary>A neighbour counts only when this many times more documents hold it than the word typed.</summary>
    public const int MoreFrequent = 20;
    public const int MinTypoLength = 4;
    public const int MaxNeighbours = 3;
    /// <summary>The best variant weighs at most this share of the word as typed; the other neighbours half of that.</summary>
    public const float VariantWeight = 0.5f;

    private readonly IReadOnlyDictionary<string, IReadOnlyList<SpellingVariant>> _variants;
    private readonly IReadOnlyDictionary<string, string> _corrections;

    private SpellingVariants(IReadOnlyDictionary<string, IReadOnlyList<SpellingVariant>> variants, IReadOnlyDictionary<string, string> corrections)
    {
        _variants = variants;
        _corrections = corrections;
    }

    public bool IsEmpty => _variants.Count == 0 && _corrections.Count == 0;

    /// <summary>The other spellings of the word whose folded term is <paramref name="folded"/>, best first.</summary>
    public IReadOnlyList<SpellingVariant> Of(string folded) => _variants.TryGetValue(folded, out var v) ? v : [];

    /// <summary>
    /// What the typed word (exact term) should have been: a variant's exact term, or the folded term when only its
    /// marks were wrong (the suggestion then takes the marks the best hits write it with); null when it was right.
    /// </summary>
    public string? CorrectionOf(string exact) => _corrections.GetValueOrDefault(exact);

    public static SpellingVariants Find(IndexReader reader, ParsedQuery q)
    {
        var (exact, folded) = QueryTerms.WordTerms(q);
        if (folded.Count == 0) return None;
        var index = new IndexStats(reader);
        var known = QueryVocabulary.KnownWords(exact, folded);
        var variants = new Dictionary<string, IReadOnlyList<SpellingVariant>>();
        var corrections = new Dictionary<string, string>();
        for (var i = 0; i < folded.Count; i++)
        {
            var (x, f) = (exact[i], folded[i]);
            if (variants.ContainsKey(f) || corrections.ContainsKey(x) || f.Any(char.IsDigit) || known.Contains(i)) continue;
            var typedDocs = index.Docs(f);
            var found = Candidates(index, x, f, typedDocs).ToList();
            if (found.Count == 0)
            {
                // Marks no document writes the word with, on a word the index holds: the suggestion offers the marks it has.
                if (x != f && typedDocs > 0 && index.Docs(x) == 0) corrections[x] = f;
                continue;
            }
            var context = new Context(i > 0 ? folded[i - 1] : null, i + 1 < folded.Count ? folded[i + 1] : null);
            var typed = index.Usage(f, typedDocs, context);
            var candidates = found.Select(c => (Exact: c, Folded: VietnameseText.RemoveDiacritics(c)))
                .Select(c => (c.Exact, c.Folded, Usage: index.Usage(c.Folded, index.Docs(c.Folded), context)))
                .OrderByDescending(c => c.Usage).ThenBy(c => c.Exact, StringComparer.Ordinal).Take(MaxNeighbours).ToList();
            variants[f] = candidates.Select((c, rank) => new SpellingVariant(c.Exact, c.Folded,
                Weight(index, typedDocs, c.Usage.Docs) * (rank == 0 ? 1f : 0.5f))).ToList();
            if (candidates[0].Usage.CompareTo(typed) > 0) corrections[x] = candidates[0].Exact;
        }
        return variants.Count == 0 && corrections.Count == 0 ? None : new SpellingVariants(variants, corrections);
    }

    /// <summary>The i/y spelling the index holds, or the frequent one-edit neighbours of a rare word.</summary>
    private static IEnumerable<string> Candidates(IndexStats index, string exact, string folded, int typedDocs)
    {
        if (IyVariant.Of(exact) is { } other)
            return index.Docs(VietnameseText.RemoveDiacritics(other)) > 0 ? [other] : [];
        if (folded.Length < MinTypoLength || (long)typedDocs * RareIn > index.MaxDoc) return [];
        return index.Neighbours(exact, typedDocs * MoreFrequent);
    }

    /// <summary>
    /// A variant's weight, so that a match on it scores below a match on the word as typed: a rare typed word has a
    /// high idf that squared in the score would otherwise let a common variant pass it (or, the other way round,
    /// a rare variant pass a common word).
    /// </summary>
    private static float Weight(IndexStats index, int typedDocs, int variantDocs)
    {
        var ratio = index.Idf(typedDocs) / index.Idf(variantDocs);
        return VariantWeight * Math.Min(1f, ratio * ratio);
    }

    private readonly record struct Context(string? Before, string? After);

    /// <summary>How often a word is written next to the query's neighbouring words, then how often at all.</summary>
    private readonly record struct Usage(int Pairs, int Docs) : IComparable<Usage>
    {
        public int CompareTo(Usage other) => Pairs != other.Pairs ? Pairs.CompareTo(other.Pairs) : Docs.CompareTo(other.Docs);
    }

    private sealed class IndexStats(IndexReader reader)
    {
        private readonly DefaultSimilarity _similarity = new();
        public int MaxDoc => reader.MaxDoc;

        public int Docs(string term) => reader.DocFreq(new Term(SearchFields.Text, term));

        private int PairDocs(string first, string second) => reader.DocFreq(new Term(SearchFields.TextFoldedShingles, first + " " + second));

        public Usage Usage(string folded, int docs, Context context) => new(
            (context.Before is { } b ? PairDocs(b, folded) : 0) + (context.After is { } a ? PairDocs(folded, a) : 0), docs);

        public float Idf(int docs) => _similarity.Idf(docs, reader.MaxDoc);

        /// <summary>
        /// Terms one insertion, deletion, substitution or swap of neighbours away, held by more than
        /// <paramref name="minDocs"/> documents, written with marks when the word was (the marks typed say which word
        /// was meant: "chứg" is "chứng", not "chung") and without when it was not.
        /// </summary>
        public IEnumerable<string> Neighbours(string exact, int minDocs)
        {
            if (MultiFields.GetTerms(reader, SearchFields.Text) is not { } terms) return [];
            var marked = VietnameseText.RemoveDiacritics(exact) != exact;
            var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(SearchFields.Text, exact), 1f, 0, true);
            var found = new List<string>();
            while (fuzzy.MoveNext())
            {
                if (fuzzy.DocFreq <= minDocs) continue;
                var term = fuzzy.Term.Utf8ToString();
                if (term != exact && (VietnameseText.RemoveDiacritics(term) != term) == marked && !term.Any(char.IsDigit)) found.Add(term);
            }
            return found;
        }
    }
}
