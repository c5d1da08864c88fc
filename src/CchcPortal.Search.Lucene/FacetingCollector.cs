using CchcPortal.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// Facet counts (Lucene.Net.Facet is not available), in the same pass as the top hits. The query runs without
/// filters; this collector applies them: a document passing every filter goes to the hits, and each facet counts
/// the documents that pass every filter except its own (so the kind tabs keep their counts while a kind is chosen).
/// Values come from <see cref="SegmentFacets"/>.
/// </summary>
public sealed class FacetingCollector(ICollector hits, IReadOnlyDictionary<string, string> filters) : ICollector
{
    private static readonly string[] Names = SearchFacets.All.ToArray();
    private readonly Dictionary<string, int>[] _counts = Names.Select(_ => new Dictionary<string, int>()).ToArray();
    private FacetOrdinals[] _segment = [];
    /// <summary>Per facet in the current segment: null = no filter; -1 = filter value absent (nothing passes); else its ordinal.</summary>
    private readonly int?[] _filterOrd = new int?[Names.Length];
    private readonly bool[] _passes = new bool[Names.Length];
    private readonly bool _filtered = filters.Count > 0;
    private int[][] _segmentCounts = [];

    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        hits.SetNextReader(context);
        _segment = SegmentFacets.For(context.AtomicReader).Facets;
        _segmentCounts = new int[Names.Length][];
        for (var i = 0; i < Names.Length; i++)
        {
            _segmentCounts[i] = new int[_segment[i].Labels.Length];
            _filterOrd[i] = filters.TryGetValue(Names[i], out var wanted) ? _segment[i].OrdinalOf(wanted) : null;
        }
    }

    public void Collect(int doc)
    {
        if (!_filtered)
        {
            TotalHits++;
            hits.Collect(doc);
            for (var i = 0; i < _segment.Length; i++) CountValues(i, doc);
            return;
        }
        var failures = 0;
        for (var i = 0; i < _segment.Length; i++)
        {
            _passes[i] = _filterOrd[i] is not { } wanted || (wanted >= 0 && _segment[i].Has(doc, wanted));
            if (!_passes[i]) failures++;
        }
        if (failures == 0)
        {
            TotalHits++;
            hits.Collect(doc);
        }
        for (var i = 0; i < _segment.Length; i++)
            if (failures == 0 || (failures == 1 && !_passes[i])) CountValues(i, doc);
    }

    private void CountValues(int facet, int doc)
    {
        var values = _segment[facet];
        var counts = _segmentCounts[facet];
        var ords = values.Ords;
        for (int k = values.Starts[doc], end = values.Starts[doc + 1]; k < end; k++) counts[ords[k]]++;
    }

    private void FlushSegment()
    {
        for (var i = 0; i < _segmentCounts.Length; i++)
        {
            var labels = _segment[i].Labels;
            for (var ord = 0; ord < _segmentCounts[i].Length; ord++)
            {
                if (_segmentCounts[i][ord] == 0) continue;
                _counts[i][labels[ord]] = _counts[i].GetValueOrDefault(labels[ord]) + _segmentCounts[i][ord];
            }
        }
        _segmentCounts = [];
    }

    /// <summary>Adds the hits and counts of a collector that saw other segments (a parallel slice).</summary>
    public void Add(FacetingCollector other)
    {
        other.FlushSegment();
        FlushSegment();
        TotalHits += other.TotalHits;
        for (var i = 0; i < Names.Length; i++)
            foreach (var (label, count) in other._counts[i]) _counts[i][label] = _counts[i].GetValueOrDefault(label) + count;
    }

    /// <summary>Counts per facet, most frequent first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets()
    {
        FlushSegment();
        var result = new Dictionary<string, IReadOnlyList<FacetCount>>();
        for (var i = 0; i < Names.Length; i++)
            result[Names[i]] = _counts[i].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new FacetCount(kv.Key, kv.Value)).ToList();
        return result;
    }
}
