using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// A file-system directory whose inputs read with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>,
/// one pread per buffer refill) on a shared handle. Lucene.Net's NIOFSDirectory goes through a FileStream (seek,
/// length check and its own buffer on every refill): a third of a query's CPU in the 100k benchmark was spent there.
/// MMapDirectory was slower still under parallel searches. Writing is FSDirectory's.
/// </summary>
public sealed class PreadDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    /// <summary>Postings of common words are read sequentially for tens of kilobytes: fewer, larger reads.</summary>
    private const int ReadBufferSize = 2048;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = System.IO.Path.Combine(Directory.FullName, name);
        var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            return new PreadIndexInput($"PreadIndexInput(path=\"{file}\")", handle, 0, RandomAccess.GetLength(handle), ReadBufferSize, ownsHandle: true);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private sealed class PreadIndexInput(string description, SafeFileHandle handle, long offset, long length, int bufferSize, bool ownsHandle)
        : BufferedIndexInput(description, bufferSize)
    {
        private bool _isClone = !ownsHandle;
        private int _disposed;

        public override long Length => length;

        protected override void ReadInternal(byte[] b, int at, int len)
        {
            var position = Position + offset;
            if (Position + len > length) throw new EndOfStreamException($"read past EOF: {this}");
            var target = b.AsSpan(at, len);
            while (target.Length > 0)
            {
                var read = RandomAccess.Read(handle, target, position);
                if (read <= 0) throw new EndOfStreamException($"read past EOF: {this} pos: {position} end: {offset + length}");
                position += read;
                target = target[read..];
            }
        }

        protected override void SeekInternal(long pos)
        {
            // Reads are positional: nothing to move.
        }

        public override object Clone()
        {
            var clone = (PreadIndexInput)base.Clone();
            clone._isClone = true;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            if (disposing && !_isClone) handle.Dispose();
        }
    }
}
