using System.Buffers.Binary;
using NetVips;

namespace ShelfReady.Imaging.Pixels;

/// <summary>
/// The pipeline's intermediate format for full-resolution 8-bit images: a 20-byte header ("SRPX", version,
/// width, height, bands, little-endian) followed by the interleaved samples. Writing and reading it is a
/// memory copy, where an uncompressed TIFF of a 12 MP master costs about 50 ms each way; every step that
/// reads the master pays that once per call, and Export runs once per platform.
/// </summary>
public static class RawPixelFormat
{
    private const int HeaderSize = 20;
    private const int Version = 1;

    private static ReadOnlySpan<byte> Magic => "SRPX"u8;

    /// <summary>Whether the bytes start like this format.</summary>
    public static bool IsRaw(ReadOnlySpan<byte> data) => data.Length >= HeaderSize && data.StartsWith(Magic);

    /// <summary>Encodes an 8-bit image.</summary>
    public static byte[] Encode(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Format != Enums.BandFormat.Uchar)
        {
            throw new ArgumentException("Only 8-bit images are stored raw.", nameof(image));
        }

        var pixels = image.WriteToMemory<byte>();
        var data = new byte[HeaderSize + pixels.Length];
        Magic.CopyTo(data);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), Version);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(8), image.Width);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(12), image.Height);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(16), image.Bands);
        pixels.CopyTo(data, HeaderSize);
        return data;
    }

    /// <summary>Decodes into a memory image; throws <see cref="InvalidDataException"/> on a damaged header or length.</summary>
    public static Image Decode(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!IsRaw(data) || BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(4)) != Version)
        {
            throw new InvalidDataException("Not a ShelfReady raw pixel blob (version 1).");
        }

        var width = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(8));
        var height = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(12));
        var bands = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(16));
        if (width < 1 || height < 1 || bands is < 1 or > 4 || (long)width * height * bands != data.LongLength - HeaderSize)
        {
            throw new InvalidDataException($"Raw pixel blob claims {width}×{height}×{bands} but holds {data.LongLength - HeaderSize} bytes.");
        }

        using var image = Image.NewFromMemoryCopy<byte>(data.AsSpan(HeaderSize), width, height, bands, Enums.BandFormat.Uchar);
        return image.Copy(interpretation: bands >= 3 ? Enums.Interpretation.Srgb : Enums.Interpretation.Bw);
    }
}
