using System.Diagnostics;
using System.Globalization;

namespace CchcPortal.Core.Search;

/// <summary>
/// Where a full rebuild's time went: each source's database reads and document building (with its count), the time
/// the loader waited for the index to take documents (the index is then the slower side), and the index's own tail
/// after the last document (the last analysis, the flush and the commit). Loading and indexing overlap, so the
/// parts do not add up to the total.
/// </summary>
public sealed class RebuildTimings
{
    private readonly List<SourceTiming> _sources = [];
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _cpuAtStart = Environment.CpuUsage.TotalTime;

    public sealed record SourceTiming(string Kind, int Documents, TimeSpan Load);

    public IReadOnlyList<SourceTiming> Sources => _sources;
    /// <summary>Time the loader was blocked because the index's queue was full.</summary>
    public TimeSpan WaitingForIndex { get; private set; }
    /// <summary>From the last document handed over to the commit's end.</summary>
    public TimeSpan IndexTail { get; private set; }
    public TimeSpan Total { get; private set; }
    /// <summary>The process's CPU time over the rebuild (every thread: the rebuild's, the JIT's, the GC's, any request's).</summary>
    public TimeSpan Cpu { get; private set; }
    public int Documents => _sources.Sum(s => s.Documents);

    public void Loaded(string kind, int documents, TimeSpan load) => _sources.Add(new(kind, documents, load));

    public void Waited(TimeSpan waited) => WaitingForIndex += waited;

    public void Finished(TimeSpan indexTail)
    {
        IndexTail = indexTail;
        Total = Stopwatch.GetElapsedTime(_started);
        Cpu = Environment.CpuUsage.TotalTime - _cpuAtStart;
    }

    /// <summary>One line for the log: "total 1234 ms (2000 ms CPU) for 1612 docs; loading: procedure 1601 docs 800 ms, news 20 docs 12 ms; waiting for the index 300 ms; index tail 200 ms".</summary>
    public override string ToString()
    {
        static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
        var sources = string.Join(", ", _sources.Select(s => $"{s.Kind} {s.Documents} docs {Ms(s.Load)}"));
        return $"total {Ms(Total)} ({Ms(Cpu)} CPU) for {Documents} docs; loading: {sources}; waiting for the index {Ms(WaitingForIndex)}; index tail (last analysis, flush, commit) {Ms(IndexTail)}";
    }
}
