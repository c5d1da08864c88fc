using System.Buffers.Binary;
using System.Text;

namespace CchcPortal.Media.Videos;

/// <summary>What the library keeps of an MP4: its frame size, when a video track declares one.</summary>
public sealed record Mp4Info(int? Width, int? Height);

/// <summary>
/// Decides whether a file is an MP4 video by its content, not its name: an ISO base media file whose first box is
/// "ftyp" with an MP4 brand (QuickTime MOV and 3GP are not), whose top-level boxes chain exactly to the end of the
/// file, and which has a "moov" box (the movie header a player needs). The frame size comes from the first video
/// track's "tkhd". Nothing is decoded: there is no ffmpeg on the servers, so no frame is extracted either.
/// </summary>
public static class Mp4Inspector
{
    private static readonly HashSet<string> Mp4Brands =
        ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash"];

    /// <summary>The movie header is read into memory to find the frame size; larger ones are refused.</summary>
    private const long MaxMoovBytes = 32 * 1024 * 1024;

    public const string NotMp4 = "Tệp tải lên không phải là video MP4 hợp lệ (tệp được kiểm tra theo nội dung, không theo tên).";

    public static (Mp4Info? Info, string? Error) Inspect(Stream file)
    {
        if (!file.CanSeek) throw new ArgumentException("The stream must be seekable.", nameof(file));
        var length = file.Length;
        file.Position = 0;
        if (ReadBoxHeader(file, length) is not { Type: "ftyp" } ftyp || ftyp.Size < 16 || ftyp.Size > 4096) return (null, NotMp4);
        var brands = new byte[ftyp.Size - ftyp.HeaderLength];
        file.ReadExactly(brands);
        if (!BrandsOf(brands).Any(Mp4Brands.Contains)) return (null, NotMp4);

        var position = ftyp.Size;
        Mp4Info? info = null;
        while (position < length)
        {
            file.Position = position;
            if (ReadBoxHeader(file, length - position) is not { } box) return (null, "Tệp MP4 bị hỏng hoặc chưa tải lên trọn vẹn.");
            if (box.Type == "moov" && info is null)
            {
                if (box.Size > MaxMoovBytes) return (null, NotMp4);
                var moov = new byte[box.Size - box.HeaderLength];
                file.ReadExactly(moov);
                info = FrameSize(moov) ?? new Mp4Info(null, null);
            }
            position += box.Size;
        }
        return info is null ? (null, "Tệp MP4 thiếu phần mô tả video (hộp moov): hãy xuất lại video rồi tải lên.") : (info, null);
    }

    private sealed record BoxHeader(string Type, long Size, int HeaderLength);

    /// <summary>A box's type and whole size; null when the size is impossible within <paramref name="room"/> bytes.</summary>
    private static BoxHeader? ReadBoxHeader(Stream s, long room)
    {
        Span<byte> header = stackalloc byte[16];
        if (room < 8 || s.ReadAtLeast(header[..8], 8, throwOnEndOfStream: false) < 8) return null;
        long size = BinaryPrimitives.ReadUInt32BigEndian(header);
        var type = Encoding.Latin1.GetString(header.Slice(4, 4));
        var headerLength = 8;
        if (size == 1)
        {
            if (room < 16 || s.ReadAtLeast(header.Slice(8, 8), 8, throwOnEndOfStream: false) < 8) return null;
            size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(header[8..]), long.MaxValue);
            headerLength = 16;
        }
        else if (size == 0) size = room;
        return size < headerLength || size > room ? null : new BoxHeader(type, size, headerLength);
    }

    private static IEnumerable<string> BrandsOf(byte[] ftyp)
    {
        yield return Encoding.Latin1.GetString(ftyp, 0, 4);
        for (var i = 8; i + 4 <= ftyp.Length; i += 4) yield return Encoding.Latin1.GetString(ftyp, i, 4);
    }

    /// <summary>The first track header (moov/trak/tkhd) with a frame size: 16.16 fixed-point width and height at its end.</summary>
    private static Mp4Info? FrameSize(ReadOnlySpan<byte> moov)
    {
        foreach (var (type, content) in Children(moov))
        {
            if (type != "trak") continue;
            foreach (var (childType, tkhd) in Children(content))
            {
                if (childType != "tkhd" || tkhd.Length < 4) continue;
                var offset = tkhd[0] == 1 ? 4 + 32 + 52 : 4 + 20 + 52;
                if (tkhd.Length < offset + 8) continue;
                var width = (int)(BinaryPrimitives.ReadUInt32BigEndian(tkhd[offset..]) >> 16);
                var height = (int)(BinaryPrimitives.ReadUInt32BigEndian(tkhd[(offset + 4)..]) >> 16);
                if (width > 0 && height > 0) return new Mp4Info(width, height);
            }
        }
        return null;
    }

    private static List<(string Type, byte[] Content)> Children(ReadOnlySpan<byte> parent)
    {
        var children = new List<(string, byte[])>();
        var position = 0;
        while (position + 8 <= parent.Length)
        {
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(parent[position..]);
            if (size < 8 || position + size > parent.Length) break;
            children.Add((Encoding.Latin1.GetString(parent.Slice(position + 4, 4)), parent.Slice(position + 8, (int)size - 8).ToArray()));
            position += (int)size;
        }
        return children;
    }
}
