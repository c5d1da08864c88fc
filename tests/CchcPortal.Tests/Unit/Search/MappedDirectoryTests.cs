using CchcPortal.Search.Lucene;
using Lucene.Net.Store;

namespace CchcPortal.Tests.Unit.Search;

/// <summary>The memory-mapped inputs read back exactly what Lucene wrote, and fail like Lucene's own inputs.</summary>
public sealed class MappedDirectoryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cchc-mapped-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { System.IO.Directory.Delete(_path, true); } catch (IOException) { }
    }

    [Fact]
    public void Reads_back_every_value_written_and_clones_keep_their_own_position()
    {
        using var directory = new MappedDirectory(new DirectoryInfo(_path));
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        using (var output = directory.CreateOutput("values", IOContext.DEFAULT))
        {
            output.WriteByte(42);
            output.WriteInt16(-12345);
            output.WriteInt32(int.MinValue + 5);
            output.WriteInt64(long.MaxValue - 9);
            output.WriteVInt32(300);
            output.WriteVInt32(int.MaxValue);
            output.WriteVInt64(1L << 50);
            output.WriteString("Đăng ký khai sinh");
            output.WriteBytes(bytes, bytes.Length);
        }

        using var input = directory.OpenInput("values", IOContext.DEFAULT);
        Assert.Equal(42, input.ReadByte());
        Assert.Equal(-12345, input.ReadInt16());
        var clone = (IndexInput)input.Clone();
        Assert.Equal(int.MinValue + 5, input.ReadInt32());
        Assert.Equal(long.MaxValue - 9, input.ReadInt64());
        Assert.Equal(300, input.ReadVInt32());
        Assert.Equal(int.MaxValue, input.ReadVInt32());
        Assert.Equal(1L << 50, input.ReadVInt64());
        Assert.Equal("Đăng ký khai sinh", input.ReadString());
        var read = new byte[bytes.Length];
        input.ReadBytes(read, 0, read.Length);
        Assert.Equal(bytes, read);
        Assert.Equal(input.Length, input.Position);

        // The clone started where the input was and moved on its own.
        Assert.Equal(3, clone.Position);
        Assert.Equal(int.MinValue + 5, clone.ReadInt32());
        clone.Seek(0);
        Assert.Equal(42, clone.ReadByte());
    }

    [Fact]
    public void Reading_or_seeking_past_the_end_throws_and_an_empty_file_opens()
    {
        using var directory = new MappedDirectory(new DirectoryInfo(_path));
        using (var output = directory.CreateOutput("short", IOContext.DEFAULT)) output.WriteInt16(7);
        using (directory.CreateOutput("empty", IOContext.DEFAULT)) { }

        using var input = directory.OpenInput("short", IOContext.DEFAULT);
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        Assert.Equal(0, input.Position); // a failed read moves nothing
        Assert.Equal(7, input.ReadInt16());
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.Seek(3));

        using var empty = directory.OpenInput("empty", IOContext.DEFAULT);
        Assert.Equal(0, empty.Length);
        Assert.Throws<EndOfStreamException>(() => empty.ReadByte());
    }
}
