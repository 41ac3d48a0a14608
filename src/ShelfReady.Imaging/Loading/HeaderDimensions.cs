using System.Buffers.Binary;

namespace ShelfReady.Imaging.Loading;

/// <summary>
/// Reads claimed dimensions straight from the container header, so a file that claims an absurd size is
/// refused before any decoder, ours or libvips's, looks at it. Layouts: PNG IHDR (ISO/IEC 15948), GIF
/// logical screen descriptor (GIF89a), JPEG SOFn segments (ITU-T T.81), WebP VP8/VP8L/VP8X headers (RFC 9649).
/// </summary>
internal static class HeaderDimensions
{
    /// <summary>The claimed (width, height), or null when the header does not say or the format is not covered.</summary>
    public static (long Width, long Height)? Read(ReadOnlySpan<byte> data, ImageFormat format) => format switch
    {
        ImageFormat.Png when data.Length >= 24 =>
            (BinaryPrimitives.ReadUInt32BigEndian(data[16..]), BinaryPrimitives.ReadUInt32BigEndian(data[20..])),
        ImageFormat.Gif when data.Length >= 10 =>
            (BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..])),
        ImageFormat.Jpeg => ReadJpeg(data),
        ImageFormat.WebP => ReadWebP(data),
        _ => null,
    };

    private static (long Width, long Height)? ReadJpeg(ReadOnlySpan<byte> data)
    {
        var at = 2;
        while (at + 9 < data.Length)
        {
            if (data[at] != 0xFF)
            {
                return null;
            }

            var marker = data[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            if (IsStartOfFrame(marker))
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(data[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(at + 5)..]));
            }

            at += 2 + length;
        }

        return null;
    }

    private static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static (long Width, long Height)? ReadWebP(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30)
        {
            return null;
        }

        var chunk = data.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
        {
            return (1 + ReadUInt24(data[24..]), 1 + ReadUInt24(data[27..]));
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return (1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        }

        return null;
    }

    private static long ReadUInt24(ReadOnlySpan<byte> data) => data[0] | (data[1] << 8) | (data[2] << 16);
}
