using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// The first pass of <see cref="RankedSearch"/>, term at a time: each term's postings are read straight through
/// into per-document counters and scores, then one sweep over the segment hands every match, in document order, to
/// the collector (facets, candidates). A common query matches most of a large index with words found in 80% of
/// documents; Lucene 4.8's document-at-a-time scorers (a heap for "3 of 4 words", an optional disjunction advanced
/// to every match) cost several times more per match than these array updates. The scores are Lucene's own per
/// term (<see cref="Weight"/>s normalised without the query norm), summed as <see cref="FirstPassPlan"/> says.
/// </summary>
public sealed class FirstPass : ISegmentMatcher
{
    private readonly (Weight Weight, int Count)[] _words;
    private readonly Weight[] _codes;
    private readonly Weight[] _optional;
    private readonly Weight[] _phrases;
    private readonly Weight[] _excluded;
    private readonly int _wordCount;
    private readonly int _minWords;

    private FirstPass(IndexSearcher searcher, FirstPassPlan plan)
    {
        _words = plan.Words.Select(w => (WeightOf(searcher, w.Query), w.Count)).ToArray();
        _codes = plan.Codes.Select(c => WeightOf(searcher, c)).ToArray();
        _optional = plan.Optional.Select(o => WeightOf(searcher, o)).ToArray();
        _phrases = plan.Phrases.Select(p => WeightOf(searcher, p)).ToArray();
        _excluded = plan.Excluded.Select(e => WeightOf(searcher, e)).ToArray();
        _wordCount = plan.WordCount;
        _minWords = plan.MinWords;
        _uses = (_words.Length > 0 ? SegmentBuffers.Uses.WordScores : 0)
            | (_phrases.Length > 0 ? SegmentBuffers.Uses.Phrases : 0)
            | (_codes.Length + _excluded.Length > 0 ? SegmentBuffers.Uses.Flags : 0)
            | (_codes.Length + _optional.Length + _phrases.Length > 0 ? SegmentBuffers.Uses.OtherScores : 0);
    }

    private readonly SegmentBuffers.Uses _uses;

    /// <summary>The first pass of a query, or null when nothing searchable is left.</summary>
    public static FirstPass? Create(IndexSearcher searcher, ParsedQuery query) =>
        FirstPassPlan.For(query) is { } plan ? new FirstPass(searcher, plan) : null;

    private static Weight WeightOf(IndexSearcher searcher, Query query)
    {
        var weight = searcher.Rewrite(query).CreateWeight(searcher);
        weight.GetValueForNormalization();
        weight.Normalize(1f, 1f);
        return weight;
    }

    public void Score(AtomicReaderContext leaf, ICollector collector)
    {
        var maxDoc = leaf.AtomicReader.MaxDoc;
        var live = leaf.AtomicReader.LiveDocs;
        var b = SegmentBuffers.Rent(maxDoc, _uses);
        foreach (var (weight, count) in _words) Read(weight, leaf, live, new WordSink(b, count));
        foreach (var weight in _codes) Read(weight, leaf, live, new CodeSink(b));
        foreach (var weight in _optional) Read(weight, leaf, live, new ScoreSink(b));
        foreach (var weight in _phrases) Read(weight, leaf, live, new PhraseSink(b));
        foreach (var weight in _excluded) Read(weight, leaf, live, new ExcludedSink(b));

        Sweep(b, maxDoc, collector);
    }

    /// <summary>Hands every match of the segment to the collector, in document order, with its score.</summary>
    private void Sweep(SegmentBuffers b, int maxDoc, ICollector collector)
    {
        var scorer = new FixedScorer();
        collector.SetScorer(scorer);
        var (words, phrases, flags, wordScores, otherScores) = (b.Words, b.Phrases, b.Flags, b.WordScores, b.OtherScores);
        var hasWords = _words.Length > 0;
        var phraseCount = _phrases.Length;
        // Only a document some words (or, without words, the phrases) reached can match: jump from one to the next
        // (a vectorised search for a non-zero counter). A code may match alone, so with codes every document is seen.
        var reached = (hasWords ? words : phrases).AsSpan(0, maxDoc);
        // Arrays the query does not use were not cleared (SegmentBuffers.Rent): read only those it does.
        var usesFlags = _uses.HasFlag(SegmentBuffers.Uses.Flags);
        var usesOther = _uses.HasFlag(SegmentBuffers.Uses.OtherScores);
        var everyDoc = _codes.Length > 0;
        for (var doc = 0; doc < maxDoc; doc++)
        {
            if (!everyDoc)
            {
                var skip = reached[doc..].IndexOfAnyExcept((byte)0);
                if (skip < 0) return;
                doc += skip;
            }
            var count = words[doc];
            var flag = usesFlags ? flags[doc] : 0;
            if (hasWords && count < _minWords && (flag & SegmentBuffers.Code) == 0) continue;
            if ((phraseCount > 0 && phrases[doc] != phraseCount) || (flag & SegmentBuffers.Excluded) != 0) continue;
            // The words' coordination (share of the words a document holds) as in the full query.
            scorer.Set(doc, (hasWords ? wordScores[doc] * count / _wordCount : 0f) + (usesOther ? otherScores[doc] : 0f));
            collector.Collect(doc);
        }
    }

    // A struct per use, so that the JIT compiles one loop for each with the update inlined.
    private static void Read<TSink>(Weight weight, AtomicReaderContext leaf, IBits? live, TSink sink) where TSink : struct, IPostingSink
    {
        if (weight.GetScorer(leaf, live) is not { } scorer) return;
        int doc;
        while ((doc = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) sink.Add(doc, scorer.GetScore());
    }

    private interface IPostingSink
    {
        void Add(int doc, float score);
    }

    private readonly struct WordSink(SegmentBuffers b, int count) : IPostingSink
    {
        public void Add(int doc, float score)
        {
            b.Words[doc] += (byte)count;
            b.WordScores[doc] += count * score;
        }
    }

    private readonly struct CodeSink(SegmentBuffers b) : IPostingSink
    {
        public void Add(int doc, float score)
        {
            b.Flags[doc] |= SegmentBuffers.Code;
            b.OtherScores[doc] += score;
        }
    }

    private readonly struct ScoreSink(SegmentBuffers b) : IPostingSink
    {
        public void Add(int doc, float score) => b.OtherScores[doc] += score;
    }

    private readonly struct PhraseSink(SegmentBuffers b) : IPostingSink
    {
        public void Add(int doc, float score)
        {
            b.Phrases[doc]++;
            b.OtherScores[doc] += score;
        }
    }

    private readonly struct ExcludedSink(SegmentBuffers b) : IPostingSink
    {
        public void Add(int doc, float score) => b.Flags[doc] |= SegmentBuffers.Excluded;
    }

    /// <summary>Hands the collector the score of the document being collected.</summary>
    private sealed class FixedScorer() : Scorer(null)
    {
        private int _doc = -1;
        private float _score;

        public void Set(int doc, float score) => (_doc, _score) = (doc, score);
        public override int DocID => _doc;
        public override float GetScore() => _score;
        public override int Freq => 1;
        public override int NextDoc() => throw new NotSupportedException();
        public override int Advance(int target) => throw new NotSupportedException();
        public override long GetCost() => 1;
    }
}
