using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// Runs one query over the index's segments in up to <see cref="MaxSlices"/> slices at once, each with its own top
/// hits and facet counts, then merges them. Only for large indexes: below <see cref="ParallelFromDocs"/> documents
/// a query is a few milliseconds and the hand-off would cost more than it saves. It lowers a query's latency when
/// cores are idle; under full load it costs the same CPU as a sequential search.
/// </summary>
public static class SlicedSearch
{
    public const int ParallelFromDocs = 50_000;
    private static int MaxSlices => Math.Clamp(Environment.ProcessorCount, 1, 4);

    public sealed record Result(IReadOnlyList<ScoreDoc> Top, FacetingCollector Facets);

    /// <summary>One pass of <paramref name="query"/>: its best <paramref name="wanted"/> hits and the facet counts of all.</summary>
    public static Result Run(IndexSearcher searcher, Query query, int wanted, IReadOnlyDictionary<string, string> filters, int parallelFromDocs = ParallelFromDocs) =>
        Run(searcher, new WeightMatcher(searcher.CreateNormalizedWeight(query)), null, wanted, wanted, filters, parallelFromDocs);

    /// <summary>
    /// Each slice keeps its best <paramref name="candidates"/> by <paramref name="match"/>'s score and, with
    /// <paramref name="rank"/>, scores those again with it (in the slice's own thread); the best
    /// <paramref name="wanted"/> of all slices by the last score come back.
    /// </summary>
    public static Result Run(IndexSearcher searcher, ISegmentMatcher match, Query? rank, int candidates, int wanted,
        IReadOnlyDictionary<string, string> filters, int parallelFromDocs = ParallelFromDocs)
    {
        var leaves = searcher.IndexReader.Leaves;
        var slices = Slice(leaves, searcher.IndexReader.MaxDoc >= parallelFromDocs ? Math.Max(2, MaxSlices) : 1);
        var rankWeight = rank is null ? null : searcher.CreateNormalizedWeight(rank);
        var results = new (IReadOnlyList<ScoreDoc> Top, FacetingCollector Facets)[Math.Max(1, slices.Count)];
        if (slices.Count <= 1)
            results[0] = Collect(match, rankWeight, leaves, candidates, wanted, filters);
        else
            Parallel.For(0, slices.Count, new ParallelOptions { MaxDegreeOfParallelism = slices.Count },
                i => results[i] = Collect(match, rankWeight, slices[i], candidates, wanted, filters));
        var merged = results[0].Facets;
        foreach (var (_, facets) in results.Skip(1)) merged.Add(facets);
        // Ties go to the lower document number, as within one collector.
        var best = results.Length == 1 ? results[0].Top
            : results.SelectMany(r => r.Top).OrderByDescending(sd => sd.Score).ThenBy(sd => sd.Doc).Take(wanted).ToList();
        return new Result(best, merged);
    }

    /// <summary>Top hits and facet counts over some segments (what IndexSearcher.Search does, for one slice).</summary>
    private static (IReadOnlyList<ScoreDoc> Top, FacetingCollector Facets) Collect(ISegmentMatcher match, Weight? rank,
        IList<AtomicReaderContext> leaves, int candidates, int wanted, IReadOnlyDictionary<string, string> filters)
    {
        var top = TopScoreDocCollector.Create(candidates, true);
        var collector = new FacetingCollector(top, filters);
        foreach (var leaf in leaves)
        {
            collector.SetNextReader(leaf);
            match.Score(leaf, collector);
        }
        var docs = top.GetTopDocs().ScoreDocs;
        return (rank is null ? docs.Take(wanted).ToList() : Rescore(rank, leaves, docs).Take(wanted).ToList(), collector);
    }

    /// <summary>
    /// The candidates scored by <paramref name="rank"/> alone, best first (ties to the lower document number); any it
    /// does not match (none should) go last. What Lucene's QueryRescorer does, over one slice's segments.
    /// </summary>
    private static List<ScoreDoc> Rescore(Weight rank, IList<AtomicReaderContext> leaves, ScoreDoc[] candidates)
    {
        var rescored = new List<ScoreDoc>(candidates.Length);
        var unmatched = new List<ScoreDoc>();
        var byDoc = candidates.OrderBy(c => c.Doc).ToArray();
        var next = 0;
        foreach (var leaf in leaves.OrderBy(l => l.DocBase))
        {
            var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
            if (next >= byDoc.Length || byDoc[next].Doc >= end) continue;
            // Only the candidates are accepted: a phrase scorer advanced past a document it does not match would
            // otherwise check positions in every document up to its next match.
            var accepted = new FixedBitSet(leaf.AtomicReader.MaxDoc);
            for (var k = next; k < byDoc.Length && byDoc[k].Doc < end; k++) accepted.Set(byDoc[k].Doc - leaf.DocBase);
            var scorer = rank.GetScorer(leaf, accepted);
            for (; next < byDoc.Length && byDoc[next].Doc < end; next++)
            {
                var target = byDoc[next].Doc - leaf.DocBase;
                if (scorer is not null && scorer.DocID < target) scorer.Advance(target);
                if (scorer is not null && scorer.DocID == target) rescored.Add(new ScoreDoc(byDoc[next].Doc, scorer.GetScore()));
                else unmatched.Add(byDoc[next]);
            }
        }
        rescored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
        // Scored 0 so that, merged with other slices, they stay below every rescored candidate.
        rescored.AddRange(unmatched.OrderByDescending(c => c.Score).ThenBy(c => c.Doc).Select(c => new ScoreDoc(c.Doc, 0f)));
        return rescored;
    }

    /// <summary>Segments spread over the slices by size, largest first, each to the lightest slice so far.</summary>
    private static List<List<AtomicReaderContext>> Slice(IList<AtomicReaderContext> leaves, int count)
    {
        count = Math.Max(1, Math.Min(count, leaves.Count));
        var slices = Enumerable.Range(0, count).Select(_ => new List<AtomicReaderContext>()).ToList();
        var sizes = new long[count];
        foreach (var leaf in leaves.OrderByDescending(l => l.AtomicReader.MaxDoc))
        {
            var lightest = Array.IndexOf(sizes, sizes.Min());
            slices[lightest].Add(leaf);
            sizes[lightest] += leaf.AtomicReader.MaxDoc;
        }
        return slices.Where(s => s.Count > 0).ToList();
    }
}
