namespace CchcPortal.Media.Storage;

/// <summary>
/// Writes a file whole or not at all, as seen by every other reader, on this node or another one on the same shared
/// folder (a network mount included): the bytes go to a temporary name in the target's folder, are flushed, and the
/// file is renamed over the target (rename is atomic within one file system, NFS included). Two nodes writing the
/// same target at once each rename a complete file; the last one stays.
/// </summary>
public static class AtomicFile
{
    /// <summary>The temporary files end with this; a crash may leave one behind (never served, skipped by backups).</summary>
    public const string TemporarySuffix = ".partial";

    public static async Task WriteAllBytesAsync(string path, byte[] bytes, CancellationToken ct = default)
    {
        var temporary = TemporaryNameFor(path);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var temporary = TemporaryNameFor(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Streams <paramref name="source"/> to a temporary file beside <paramref name="path"/> (a large upload never sits
    /// in memory), lets <paramref name="check"/> read it, and renames it over the target only when the check keeps it.
    /// </summary>
    public static async Task<T> WriteCheckedAsync<T>(string path, Stream source, Func<FileStream, (T Result, bool Keep)> check, CancellationToken ct = default)
    {
        var temporary = TemporaryNameFor(path);
        try
        {
            (T Result, bool Keep) verdict;
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await source.CopyToAsync(stream, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
                verdict = check(stream);
            }
            if (verdict.Keep) File.Move(temporary, path, overwrite: true);
            else TryDelete(temporary);
            return verdict.Result;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public static bool IsTemporary(string path) => path.EndsWith(TemporarySuffix, StringComparison.Ordinal);

    /// <summary>Hidden (leading dot) and unique: in the target's own folder, so the rename never crosses file systems.</summary>
    private static string TemporaryNameFor(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TemporarySuffix}");

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
