using CchcPortal.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// Facet counts from doc values (Lucene.Net.Facet is not available), in the same pass as the top hits. The query
/// runs without filters; this collector applies them: a document passing every filter goes to the hits, and each
/// facet counts the documents that pass every filter except its own (so the kind tabs keep their counts while a
/// kind is chosen).
/// </summary>
public sealed class FacetingCollector(ICollector hits, IReadOnlyDictionary<string, string> filters) : ICollector
{
    private readonly string[] _facets = SearchFacets.All.ToArray();
    private readonly Dictionary<string, int>[] _counts = SearchFacets.All.Select(_ => new Dictionary<string, int>()).ToArray();
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[SearchFacets.All.Count];
    /// <summary>Per facet in the current segment: null = no filter; -1 = filter value absent (nothing passes); else its ordinal.</summary>
    private readonly long?[] _filterOrd = new long?[SearchFacets.All.Count];
    private readonly bool[] _passes = new bool[SearchFacets.All.Count];
    private readonly List<long>[] _ords = SearchFacets.All.Select(_ => new List<long>()).ToArray();
    private long[][] _segmentCounts = [];

    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        hits.SetNextReader(context);
        _segmentCounts = new long[_facets.Length][];
        for (var i = 0; i < _facets.Length; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(IndexFields.Facet(_facets[i]));
            _values[i] = values;
            _segmentCounts[i] = new long[values?.ValueCount ?? 0];
            if (!filters.TryGetValue(_facets[i], out var wanted)) { _filterOrd[i] = null; continue; }
            var ord = values?.LookupTerm(new BytesRef(wanted)) ?? -1;
            _filterOrd[i] = ord >= 0 ? ord : -1;
        }
    }

    public void Collect(int doc)
    {
        var failures = 0;
        for (var i = 0; i < _facets.Length; i++)
        {
            var ords = _ords[i];
            ords.Clear();
            if (_values[i] is { } values)
            {
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add(ord);
            }
            _passes[i] = _filterOrd[i] is not { } wanted || (wanted >= 0 && ords.Contains(wanted));
            if (!_passes[i]) failures++;
        }
        if (failures == 0)
        {
            TotalHits++;
            hits.Collect(doc);
        }
        for (var i = 0; i < _facets.Length; i++)
            if (failures == 0 || (failures == 1 && !_passes[i]))
                foreach (var ord in _ords[i]) _segmentCounts[i][ord]++;
    }

    private void FlushSegment()
    {
        var scratch = new BytesRef();
        for (var i = 0; i < _segmentCounts.Length; i++)
        {
            if (_values[i] is not { } values) continue;
            for (var ord = 0; ord < _segmentCounts[i].Length; ord++)
            {
                if (_segmentCounts[i][ord] == 0) continue;
                values.LookupOrd(ord, scratch);
                var key = scratch.Utf8ToString();
                _counts[i][key] = _counts[i].GetValueOrDefault(key) + (int)_segmentCounts[i][ord];
            }
        }
        _segmentCounts = [];
    }

    /// <summary>Counts per facet, most frequent first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets()
    {
        FlushSegment();
        var result = new Dictionary<string, IReadOnlyList<FacetCount>>();
        for (var i = 0; i < _facets.Length; i++)
            result[_facets[i]] = _counts[i].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new FacetCount(kv.Key, kv.Value)).ToList();
        return result;
    }
}
