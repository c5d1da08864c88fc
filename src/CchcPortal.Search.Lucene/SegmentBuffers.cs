namespace CchcPortal.Search.Lucene;

/// <summary>
/// Per-document counters and scores of one segment for <see cref="FirstPass"/>, one set per thread, kept and
/// cleared for each segment (a query over a large index would otherwise allocate megabytes on the large object heap).
/// </summary>
internal sealed class SegmentBuffers
{
    public const byte Code = 1;
    public const byte Excluded = 2;

    [ThreadStatic] private static SegmentBuffers? _current;

    /// <summary>How many of the words (with their repeats) each document holds.</summary>
    public byte[] Words = [];
    /// <summary>How many of the phrases each document holds.</summary>
    public byte[] Phrases = [];
    public byte[] Flags = [];
    public float[] WordScores = [];
    public float[] OtherScores = [];

    /// <summary>
    /// This thread's buffers for documents 0 to <paramref name="maxDoc"/>, the word counters zeroed and the other
    /// arrays only when <paramref name="uses"/> says the query reads them (clearing 11 bytes a document of a 100,000-document index
    /// was a few percent of a query); the ones not cleared hold another query's values and must not be read.
    /// </summary>
    public static SegmentBuffers Rent(int maxDoc, Uses uses)
    {
        var b = _current ??= new SegmentBuffers();
        if (b.Words.Length < maxDoc)
        {
            var size = (maxDoc + 4095) / 4096 * 4096; // segments grow by merges: a little room, not double
            (b.Words, b.Phrases, b.Flags, b.WordScores, b.OtherScores) = (new byte[size], new byte[size], new byte[size], new float[size], new float[size]);
            return b;
        }
        Array.Clear(b.Words, 0, maxDoc);
        if (uses.HasFlag(Uses.WordScores)) Array.Clear(b.WordScores, 0, maxDoc);
        if (uses.HasFlag(Uses.Phrases)) Array.Clear(b.Phrases, 0, maxDoc);
        if (uses.HasFlag(Uses.Flags)) Array.Clear(b.Flags, 0, maxDoc);
        if (uses.HasFlag(Uses.OtherScores)) Array.Clear(b.OtherScores, 0, maxDoc);
        return b;
    }

    [Flags]
    public enum Uses
    {
        None = 0,
        WordScores = 1,
        Phrases = 2,
        Flags = 4,
        OtherScores = 8,
    }
}
