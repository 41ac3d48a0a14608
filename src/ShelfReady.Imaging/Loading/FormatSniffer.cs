using System.Buffers.Binary;
using System.Text;

namespace ShelfReady.Imaging.Loading;

/// <summary>
/// Identifies an image format from its leading bytes, never from the file name, so a renamed or hostile
/// file is judged by what it is. Signatures: the JPEG, PNG, GIF, RIFF/WebP, TIFF 6.0 and ISO/IEC 14496-12
/// (HEIF) specifications; camera RAW variants from the TIFF/EP and DNG 1.4 specifications.
/// </summary>
public static class FormatSniffer
{
    private const ushort TagPhotometric = 262;
    private const ushort TagMake = 271;
    private const ushort TagSubIfds = 330;
    private const ushort TagDngVersion = 50706;
    private const ushort PhotometricColorFilterArray = 32803;
    private const ushort PhotometricLinearRaw = 34892;
    private const int MaxIfdEntries = 4096;

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegXlCodestream => [0xFF, 0x0A];

    private static ReadOnlySpan<byte> JpegXlContainer => [0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20];

    private static ReadOnlySpan<byte> Jpeg2000Signature => [0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20];

    /// <summary>Identifies the format of <paramref name="data"/>.</summary>
    public static SniffResult Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(JpegSignature))
        {
            return new SniffResult(ImageFormat.Jpeg, "JPEG");
        }

        if (data.StartsWith(PngSignature))
        {
            return new SniffResult(ImageFormat.Png, "PNG");
        }

        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return new SniffResult(ImageFormat.Gif, "GIF");
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return new SniffResult(ImageFormat.WebP, "WebP");
        }

        if (data.StartsWith("FUJIFILMCCD-RAW"u8))
        {
            return new SniffResult(ImageFormat.CameraRaw, "Fujifilm RAF");
        }

        if (data.Length >= 12 && data[4..8].SequenceEqual("ftyp"u8))
        {
            return DetectIsoMedia(data);
        }

        if (data.StartsWith("II"u8) || data.StartsWith("MM"u8))
        {
            return DetectTiffFamily(data);
        }

        return new SniffResult(ImageFormat.Unknown, NameUnsupported(data));
    }

    private static SniffResult DetectIsoMedia(ReadOnlySpan<byte> data)
    {
        var boxSize = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data), (uint)data.Length);
        var brands = new List<string>();
        for (var offset = 8; offset + 4 <= boxSize; offset += 4)
        {
            if (offset != 12)
            {
                brands.Add(Encoding.ASCII.GetString(data.Slice(offset, 4)));
            }
        }

        if (brands.Contains("crx "))
        {
            return new SniffResult(ImageFormat.CameraRaw, "Canon CR3");
        }

        if (brands.Contains("avif") || brands.Contains("avis"))
        {
            return new SniffResult(ImageFormat.Avif, "AVIF");
        }

        string[] heicBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];
        return brands.Exists(heicBrands.Contains)
            ? new SniffResult(ImageFormat.Heic, "HEIC")
            : new SniffResult(ImageFormat.Unknown, "an ISO media file that is not an image (video?)");
    }

    private static SniffResult DetectTiffFamily(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8)
        {
            return new SniffResult(ImageFormat.Unknown, "unknown");
        }

        if (data.StartsWith("IIRO"u8) || data.StartsWith("IIRS"u8) || data.StartsWith("MMOR"u8))
        {
            return new SniffResult(ImageFormat.CameraRaw, "Olympus ORF");
        }

        if (data.StartsWith("IIU\0"u8))
        {
            return new SniffResult(ImageFormat.CameraRaw, "Panasonic RW2");
        }

        var little = data[0] == (byte)'I';
        var magic = ReadUInt16(data, 2, little);
        if (magic == 43)
        {
            return new SniffResult(ImageFormat.Tiff, "BigTIFF");
        }

        if (magic != 42)
        {
            return new SniffResult(ImageFormat.Unknown, "unknown");
        }

        if (data.Length >= 10 && data[8] == (byte)'C' && data[9] == (byte)'R')
        {
            return new SniffResult(ImageFormat.CameraRaw, "Canon CR2");
        }

        var raw = FindRawMarkers(data, little);
        return raw is null ? new SniffResult(ImageFormat.Tiff, "TIFF") : new SniffResult(ImageFormat.CameraRaw, raw);
    }

    // Walks IFD0 and its SubIFDs looking for what only RAW files carry: a DNG version tag or sensor
    // (colour-filter-array or linear-raw) photometric data. Reads only within the buffer, bounded in count.
    private static string? FindRawMarkers(ReadOnlySpan<byte> data, bool little)
    {
        var pending = new Queue<long>();
        pending.Enqueue(ReadUInt32(data, 4, little));
        var visited = new HashSet<long>();
        string? make = null;
        var sensorData = false;
        while (pending.Count > 0 && visited.Count < 16)
        {
            var ifd = pending.Dequeue();
            if (!visited.Add(ifd) || ifd < 8 || ifd + 2 > data.Length)
            {
                continue;
            }

            var count = Math.Min((int)ReadUInt16(data, (int)ifd, little), MaxIfdEntries);
            for (var i = 0; i < count; i++)
            {
                var entry = (int)ifd + 2 + (i * 12);
                if (entry + 12 > data.Length)
                {
                    break;
                }

                switch (ReadUInt16(data, entry, little))
                {
                    case TagDngVersion:
                        return "Adobe DNG";
                    case TagPhotometric:
                        sensorData |= ReadUInt16(data, entry + 8, little) is PhotometricColorFilterArray or PhotometricLinearRaw;
                        break;
                    case TagMake:
                        make = ReadAscii(data, entry, ReadUInt32(data, entry + 4, little), little);
                        break;
                    case TagSubIfds:
                        EnqueueOffsets(data, entry, ReadUInt16(data, entry + 2, little), ReadUInt32(data, entry + 4, little), little, pending);
                        break;
                }
            }
        }

        if (sensorData)
        {
            return make is null ? "sensor data" : $"{make} sensor data";
        }

        return null;
    }

    private static void EnqueueOffsets(ReadOnlySpan<byte> data, int entry, ushort type, uint count, bool little, Queue<long> pending)
    {
        const ushort typeLong = 4;
        const ushort typeIfd = 13;
        if (type is not (typeLong or typeIfd))
        {
            return;
        }

        if (count == 1)
        {
            pending.Enqueue(ReadUInt32(data, entry + 8, little));
            return;
        }

        var at = ReadUInt32(data, entry + 8, little);
        for (var i = 0; i < Math.Min(count, 8u); i++)
        {
            var position = at + (i * 4);
            if (position + 4 <= data.Length)
            {
                pending.Enqueue(ReadUInt32(data, (int)position, little));
            }
        }
    }

    private static string? ReadAscii(ReadOnlySpan<byte> data, int entry, uint count, bool little)
    {
        var length = (int)Math.Min(count, 64u);
        var at = length <= 4 ? entry + 8 : (long)ReadUInt32(data, entry + 8, little);
        if (at + length > data.Length || length == 0)
        {
            return null;
        }

        var text = Encoding.ASCII.GetString(data.Slice((int)at, length)).TrimEnd('\0', ' ');
        var firstWord = text.Split(' ', 2)[0];
        return firstWord.Length == 0 ? null : firstWord;
    }

    private static string NameUnsupported(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("BM"u8))
        {
            return "BMP";
        }

        if (data.StartsWith("8BPS"u8))
        {
            return "Photoshop PSD";
        }

        if (data.StartsWith("%PDF"u8))
        {
            return "PDF";
        }

        if (data.StartsWith(JpegXlCodestream) || data.StartsWith(JpegXlContainer))
        {
            return "JPEG XL";
        }

        if (data.StartsWith(Jpeg2000Signature))
        {
            return "JPEG 2000";
        }

        return LooksLikeText(data) ? "text, not an image" : "unknown";
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> data)
    {
        var sample = data[..Math.Min(data.Length, 512)];
        if (sample.IsEmpty)
        {
            return false;
        }

        foreach (var b in sample)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                return false;
            }
        }

        return true;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> data, int offset, bool little)
    {
        if (offset < 0 || offset + 2 > data.Length)
        {
            return 0;
        }

        var span = data.Slice(offset, 2);
        return little ? BinaryPrimitives.ReadUInt16LittleEndian(span) : BinaryPrimitives.ReadUInt16BigEndian(span);
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> data, int offset, bool little)
    {
        if (offset < 0 || offset + 4 > data.Length)
        {
            return 0;
        }

        var span = data.Slice(offset, 4);
        return little ? BinaryPrimitives.ReadUInt32LittleEndian(span) : BinaryPrimitives.ReadUInt32BigEndian(span);
    }
}
