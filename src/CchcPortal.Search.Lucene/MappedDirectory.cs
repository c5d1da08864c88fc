using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// A file-system directory whose inputs read straight from memory-mapped files through a pointer: no buffer per
/// input, no system call per refill. A query opens a postings reader per term and segment, each a clone of an
/// input; with buffered inputs (our former PreadDirectory) each clone allocated its own buffer and refilled it with
/// a pread, about a fifth of a query's CPU in the 100k benchmark, plus the garbage. Lucene.Net's MMapDirectory reads
/// through a byte-buffer abstraction that was slower than positional reads. Writing is FSDirectory's.
/// </summary>
/// <remarks>
/// A mapping is released when neither its input nor any clone is reachable any more (<see cref="Mapping"/>'s
/// finalizer), never on Dispose: Lucene never disposes clones, and unmapping memory a clone still reads would crash
/// the process instead of throwing. So a deleted segment file keeps its disk space until the next full garbage
/// collection.
/// </remarks>
public sealed class MappedDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = System.IO.Path.Combine(Directory.FullName, name);
        return new MappedIndexInput($"MappedIndexInput(path=\"{file}\")", Mapping.Open(file));
    }

    /// <summary>One mapped file, shared by an input and its clones.</summary>
    internal sealed unsafe class Mapping
    {
        private readonly MemoryMappedFile? _file;
        private readonly MemoryMappedViewAccessor? _view;
        public byte* Start { get; }
        public long Length { get; }

        private Mapping(MemoryMappedFile? file, MemoryMappedViewAccessor? view, byte* start, long length)
        {
            _file = file;
            _view = view;
            Start = start;
            Length = length;
        }

        public static Mapping Open(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            if (stream.Length == 0) return new Mapping(null, null, null, 0); // an empty file cannot be mapped
            var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            MemoryMappedViewAccessor? view = null;
            try
            {
                view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
                byte* start = null;
                view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
                return new Mapping(file, view, start + view.PointerOffset, stream.Length);
            }
            catch
            {
                view?.Dispose();
                file.Dispose();
                throw;
            }
        }

        ~Mapping()
        {
            if (_view is null) return;
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file?.Dispose();
        }
    }

    internal sealed unsafe class MappedIndexInput(string description, Mapping mapping) : IndexInput(description)
    {
        private readonly byte* _start = mapping.Start;
        private readonly long _length = mapping.Length;
        // Referenced so the mapping lives as long as any input or clone that reads it.
        private readonly Mapping _mapping = mapping;
        private long _position;

        public override long Length => _length;

        public override long Position => _position;

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > _length) throw new EndOfStreamException($"seek past EOF ({pos}): {this}");
            _position = pos;
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || _position + count > _length) throw new EndOfStreamException($"read past EOF: {this}");
            var span = new ReadOnlySpan<byte>(_start + _position, count);
            _position += count;
            return span;
        }

        // Each read keeps this input alive to its end (GC.KeepAlive): were it collected mid-read as the last
        // reference to its mapping, the mapping's finalizer could unmap the memory being read.
        public override byte ReadByte()
        {
            if (_position >= _length) throw new EndOfStreamException($"read past EOF: {this}");
            var b = _start[_position++];
            GC.KeepAlive(this);
            return b;
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            Take(len).CopyTo(b.AsSpan(offset, len));
            GC.KeepAlive(this);
        }

        public override short ReadInt16()
        {
            var value = BinaryPrimitives.ReadInt16BigEndian(Take(2));
            GC.KeepAlive(this);
            return value;
        }

        public override int ReadInt32()
        {
            var value = BinaryPrimitives.ReadInt32BigEndian(Take(4));
            GC.KeepAlive(this);
            return value;
        }

        public override long ReadInt64()
        {
            var value = BinaryPrimitives.ReadInt64BigEndian(Take(8));
            GC.KeepAlive(this);
            return value;
        }

        public override int ReadVInt32()
        {
            int value = 0, shift = 0;
            for (var i = 0; i < 5; i++, shift += 7)
            {
                var b = ReadByte();
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return value;
            }
            throw new IOException($"Invalid vInt detected (too many bits): {this}");
        }

        public override long ReadVInt64()
        {
            long value = 0;
            var shift = 0;
            for (var i = 0; i < 9; i++, shift += 7)
            {
                var b = ReadByte();
                value |= (long)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) return value;
            }
            throw new IOException($"Invalid vLong detected (negative values disallowed): {this}");
        }

        public override object Clone() => new MappedIndexInput(ToString(), _mapping) { _position = _position };

        protected override void Dispose(bool disposing)
        {
            // Nothing to free here: see the remarks on MappedDirectory.
        }
    }
}
