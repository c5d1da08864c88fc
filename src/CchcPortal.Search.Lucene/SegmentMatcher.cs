using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CchcPortal.Search.Lucene;

/// <summary>What finds and scores a segment's matches for <see cref="SlicedSearch"/>.</summary>
public interface ISegmentMatcher
{
    /// <summary>Sets the collector's scorer and collects every match of <paramref name="leaf"/> in increasing document order (the collector is already on it).</summary>
    void Score(AtomicReaderContext leaf, ICollector collector);
}

/// <summary>A Lucene query's weight as a matcher: its bulk scorer, as IndexSearcher.Search runs it.</summary>
public sealed class WeightMatcher(Weight weight) : ISegmentMatcher
{
    public void Score(AtomicReaderContext leaf, ICollector collector) =>
        weight.GetBulkScorer(leaf, true, leaf.AtomicReader.LiveDocs)?.Score(collector);
}
