using System.Buffers.Binary;
using System.Text;
using NetVips;

namespace CchcPortal.Tests.Support;

/// <summary>Images built in the test, so what each one carries (GPS, a huge declared size) is known.</summary>
public static class TestImages
{
    /// <summary>A small PNG with an EXIF block whose GPS IFD says latitude 12°N.</summary>
    public static byte[] PngWithGps()
    {
        using var black = Image.Black(40, 30, bands: 3);
        using var plain = (black + 120).Cast(Enums.BandFormat.Uchar);
        using var tagged = plain.Mutate(m => m.Set(GValue.BlobType, "exif-data", ExifWithGps()));
        return tagged.PngsaveBuffer(keep: Enums.ForeignKeep.All);
    }

    public static byte[] SmallJpeg() => Jpeg(50, 40);

    public static byte[] Jpeg(int width, int height)
    {
        using var black = Image.Black(width, height, bands: 3);
        using var plain = (black + 90).Cast(Enums.BandFormat.Uchar);
        return plain.JpegsaveBuffer();
    }

    /// <summary>A PNG that declares 30000 × 30000 pixels in its header: a decompression bomb by its size.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 0; // 8-bit grey
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static bool HasGps(byte[] image)
    {
        using var loaded = Image.NewFromBuffer(image);
        return loaded.GetFields().Any(f => f.Contains("GPS", StringComparison.OrdinalIgnoreCase));
    }

    private static byte[] ExifWithGps()
    {
        // "Exif\0\0" + a little-endian TIFF: IFD0 with one entry pointing at a GPS IFD holding GPSLatitudeRef = "N".
        var tiff = new byte[8 + 2 + 12 + 4 + 2 + 12 + 4];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        var p = 8;
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(p), 1); p += 2;
        Entry(tiff, ref p, 0x8825, 4, 1, 8 + 2 + 12 + 4);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(p), 0); p += 4;
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(p), 1); p += 2;
        Entry(tiff, ref p, 0x0001, 2, 2, 'N');
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(p), 0);
        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static void Entry(byte[] b, ref int p, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(p), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(p + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(p + 4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(p + 8), value);
        p += 12;
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var len = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        s.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
