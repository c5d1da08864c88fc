using System.Buffers.Binary;
using System.Text;

namespace CchcPortal.Tests.Support;

/// <summary>Tiny ISO BMFF files made in memory: an "ftyp" with the given brand, a "moov" with one track header, an "mdat".</summary>
public static class TestVideos
{
    public static byte[] Mp4(int width = 1280, int height = 720, string brand = "isom", int payloadBytes = 64, bool withMoov = true)
    {
        var ftyp = Box("ftyp", [.. Ascii(brand), 0, 0, 2, 0, .. Ascii(brand)]);
        var tkhd = new byte[4 + 20 + 52 + 8];
        BinaryPrimitives.WriteUInt32BigEndian(tkhd.AsSpan(4 + 20 + 52), (uint)width << 16);
        BinaryPrimitives.WriteUInt32BigEndian(tkhd.AsSpan(4 + 20 + 52 + 4), (uint)height << 16);
        var moov = Box("moov", Box("trak", Box("tkhd", tkhd)));
        var mdat = Box("mdat", new byte[payloadBytes]);
        return [.. ftyp, .. withMoov ? moov : [], .. mdat];
    }

    public static byte[] Vtt(string text = "WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào, đây là phụ đề.\n") => Encoding.UTF8.GetBytes(text);

    private static byte[] Ascii(string s) => Encoding.Latin1.GetBytes(s);

    private static byte[] Box(string type, byte[] content)
    {
        var box = new byte[8 + content.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Ascii(type).CopyTo(box, 4);
        content.CopyTo(box, 8);
        return box;
    }
}
