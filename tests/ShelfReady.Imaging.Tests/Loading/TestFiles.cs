using System.Buffers.Binary;
using NetVips;

namespace ShelfReady.Imaging.Tests.Loading;

/// <summary>Builds small input files of every kind the loader must handle, from code.</summary>
internal static class TestFiles
{
    public const int Width = 1200;
    public const int Height = 900;

    /// <summary>A mid-grey field with a red square in the top-left corner, so orientation is visible.</summary>
    public static Image MarkedImage(int width = Width, int height = Height)
    {
        using var grey = Image.Black(width, height, bands: 3) + 128;
        using var marker = Image.Black(100, 100, bands: 3) + new double[] { 255, 0, 0 };
        using var composed = grey.Insert(marker, 0, 0);
        return composed.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    public static byte[] Jpeg(Image image, int quality = 90) => image.JpegsaveBuffer(q: quality);

    public static byte[] Png(Image image) => image.PngsaveBuffer();

    /// <summary>A PNG whose IHDR claims the given size, with a valid CRC and no pixel data at all.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        var file = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        AppendChunk(file, "IHDR", ihdr);
        AppendChunk(file, "IEND", []);
        return [.. file];
    }

    /// <summary>Flips one byte inside the first IDAT chunk's data, leaving its stored CRC stale.</summary>
    public static byte[] WithBrokenIdatCrc(byte[] png)
    {
        var copy = (byte[])png.Clone();
        var idat = copy.AsSpan().IndexOf("IDAT"u8);
        copy[idat + 4 + 10] ^= 0xFF;
        return copy;
    }

    /// <summary>A little-endian TIFF with a DNGVersion tag and CFA photometric interpretation: a DNG's skeleton.</summary>
    public static byte[] DngSkeleton()
    {
        var file = new byte[8 + 2 + (3 * 12) + 4];
        "II*\0"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), 3);
        WriteEntry(file, 10, tag: 256, type: 4, value: 4000);
        WriteEntry(file, 22, tag: 262, type: 3, value: 32803);
        WriteEntry(file, 34, tag: 50706, type: 1, value: 0x00000401);
        return file;
    }

    private static void WriteEntry(byte[] file, int at, ushort tag, ushort type, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at + 4), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at + 8), value);
    }

    private static void AppendChunk(List<byte> file, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        file.AddRange(length);
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.AddRange(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, PngCrc(typeAndData));
        file.AddRange(crc);
    }

    // CRC-32 as the PNG specification (ISO/IEC 15948 annex D) defines it.
    private static uint PngCrc(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
