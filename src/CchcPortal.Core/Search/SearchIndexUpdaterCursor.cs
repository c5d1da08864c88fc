namespace CchcPortal.Core.Search;

/// <summary>
/// This node's reading position in the change feed. Ids of <see cref="Changes.ContentChange"/> rows come from a
/// sequence, and with several writers (PostgreSQL) transactions commit out of order: a reader that saw id 12 may find
/// id 11 later. So the updater remembers the highest id it applied (<see cref="HighestApplied"/>) and the missing ids
/// below it (the gaps), re-reads only those, and commits to the index no sequence past a gap, until the gap is filled
/// or older than <see cref="GapTimeout"/> (a rolled-back transaction leaves a gap for ever). One instance per node.
/// </summary>
public sealed class SearchIndexUpdaterCursor
{
    /// <summary>A gap whose next row was written longer ago than this is given up: nodes must keep their clocks in step (NTP).</summary>
    public static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Ids <c>From..To</c> not seen yet; <c>After</c> is when the first row above them was written.</summary>
    internal readonly record struct Gap(long From, long To, DateTime After);

    private readonly List<Gap> _gaps = [];

    /// <summary>The sequence last committed to the index through this cursor (-1: none yet).</summary>
    internal long Committed { get; private set; } = -1;

    /// <summary>The highest id applied: every row up to it that had committed when it was read is in the index.</summary>
    public long HighestApplied { get; private set; }

    public int OpenGaps => _gaps.Count;

    internal IReadOnlyList<Gap> Gaps => _gaps;

    /// <summary>Starts again from the index's committed sequence (a new process, a rebuild, or an index changed elsewhere).</summary>
    internal void ResetTo(long committed)
    {
        Committed = committed;
        HighestApplied = committed;
        _gaps.Clear();
    }

    /// <summary>Forgets everything: the next batch starts again from the index's committed sequence.</summary>
    internal void Invalidate() => Committed = -1;

    /// <summary>Rows read above <see cref="HighestApplied"/>, ascending: any id skipped between them is a new gap.</summary>
    internal void Advance(IReadOnlyList<(long Id, DateTime At)> fresh)
    {
        foreach (var (id, at) in fresh)
        {
            if (id > HighestApplied + 1) _gaps.Add(new Gap(HighestApplied + 1, id - 1, at));
            HighestApplied = id;
        }
    }

    /// <summary>Ids that were missing and have now been read.</summary>
    internal void Filled(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            var i = _gaps.FindIndex(g => g.From <= id && id <= g.To);
            if (i < 0) continue;
            var gap = _gaps[i];
            _gaps.RemoveAt(i);
            if (id < gap.To) _gaps.Insert(i, gap with { From = id + 1 });
            if (gap.From < id) _gaps.Insert(i, gap with { To = id - 1 });
        }
    }

    /// <summary>Drops the gaps whose next row is older than <see cref="GapTimeout"/>; returns how many ids were given up.</summary>
    internal long Expire(DateTime now)
    {
        long given = 0;
        foreach (var gap in _gaps.Where(g => g.After < now - GapTimeout)) given += gap.To - gap.From + 1;
        _gaps.RemoveAll(g => g.After < now - GapTimeout);
        return given;
    }

    /// <summary>The sequence the index may commit: the highest id below which nothing can still arrive.</summary>
    internal long SafeSequence => _gaps.Count == 0 ? HighestApplied : _gaps.Min(g => g.From) - 1;

    internal void Committing(long sequence) => Committed = sequence;

    /// <summary>
    /// For a rebuild: the highest sequence below which no young gap lies among <paramref name="tail"/> (the last rows of
    /// the feed, ascending); the rows above it are replayed after the rebuild.
    /// </summary>
    internal static long SafeRebuildSequence(IReadOnlyList<(long Id, DateTime At)> tail, DateTime now)
    {
        if (tail.Count == 0) return 0;
        for (var i = 1; i < tail.Count; i++)
            if (tail[i].Id > tail[i - 1].Id + 1 && tail[i].At >= now - GapTimeout) return tail[i - 1].Id;
        return tail[^1].Id;
    }
}
