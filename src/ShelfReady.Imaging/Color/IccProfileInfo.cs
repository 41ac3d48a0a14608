using System.Buffers.Binary;
// Aliased: the sibling namespace ShelfReady.Imaging.Encoders would shadow System.Text.Encoding.
using System.Text;

namespace ShelfReady.Imaging.Color;

/// <summary>
/// The header fields and tag table of an ICC profile, and its description: enough to verify what an exported
/// file embeds. Reads v2 (textDescriptionType) and v4 (multiLocalizedUnicodeType) descriptions.
/// </summary>
/// <param name="Size">Profile size declared in the header.</param>
/// <param name="Version">Major and minor version, for example 4.3.</param>
/// <param name="DeviceClass">Profile class signature, for example "mntr".</param>
/// <param name="ColorSpace">Data colour space signature, for example "RGB ".</param>
/// <param name="ConnectionSpace">PCS signature, "XYZ " or "Lab ".</param>
/// <param name="Illuminant">PCS illuminant from the header (X, Y, Z).</param>
/// <param name="Tags">Tag signatures in table order.</param>
/// <param name="Description">The desc tag's text, empty when absent or unreadable.</param>
public sealed record IccProfileInfo(
    int Size,
    Version Version,
    string DeviceClass,
    string ColorSpace,
    string ConnectionSpace,
    (double X, double Y, double Z) Illuminant,
    IReadOnlyList<string> Tags,
    string Description)
{
    private const int HeaderSize = 128;

    /// <summary>Parses profile bytes.</summary>
    /// <exception cref="FormatException">The bytes are not an ICC profile.</exception>
    public static IccProfileInfo Parse(ReadOnlySpan<byte> profile)
    {
        if (profile.Length < HeaderSize + 4 || Signature(profile, 36) != "acsp")
        {
            throw new FormatException("Not an ICC profile: no 'acsp' signature.");
        }

        var count = (int)BinaryPrimitives.ReadUInt32BigEndian(profile[HeaderSize..]);
        if (count < 0 || HeaderSize + 4 + ((long)count * 12) > profile.Length)
        {
            throw new FormatException("ICC tag table runs past the end of the profile.");
        }

        var tags = new List<string>(count);
        var description = string.Empty;
        for (var i = 0; i < count; i++)
        {
            var entry = HeaderSize + 4 + (i * 12);
            var signature = Signature(profile, entry);
            tags.Add(signature);
            if (signature == "desc")
            {
                var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(profile[(entry + 4)..]);
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(profile[(entry + 8)..]);
                description = ReadText(profile, offset, length);
            }
        }

        return new IccProfileInfo(
            (int)BinaryPrimitives.ReadUInt32BigEndian(profile),
            new Version(profile[8], profile[9] >> 4),
            Signature(profile, 12),
            Signature(profile, 16),
            Signature(profile, 20),
            (S15Fixed16(profile, 68), S15Fixed16(profile, 72), S15Fixed16(profile, 76)),
            tags,
            description);
    }

    /// <summary>Parses profile bytes, or returns null when they are not a readable ICC profile.</summary>
    public static IccProfileInfo? TryParse(ReadOnlySpan<byte> profile)
    {
        try
        {
            return Parse(profile);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Reads an s15Fixed16Number at an offset.</summary>
    internal static double S15Fixed16(ReadOnlySpan<byte> data, int offset) =>
        BinaryPrimitives.ReadInt32BigEndian(data[offset..]) / 65536.0;

    private static string ReadText(ReadOnlySpan<byte> profile, int offset, int length)
    {
        if (offset < 0 || length < 12 || (long)offset + length > profile.Length)
        {
            return string.Empty;
        }

        var tag = profile.Slice(offset, length);
        return Signature(tag, 0) switch
        {
            "mluc" => ReadMultiLocalized(tag),
            "desc" => ReadAscii(tag),
            _ => string.Empty,
        };
    }

    private static string ReadMultiLocalized(ReadOnlySpan<byte> tag)
    {
        if (tag.Length < 28 || BinaryPrimitives.ReadUInt32BigEndian(tag[8..]) == 0)
        {
            return string.Empty;
        }

        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(tag[20..]);
        var start = (int)BinaryPrimitives.ReadUInt32BigEndian(tag[24..]);
        return start < 0 || length < 0 || (long)start + length > tag.Length
            ? string.Empty
            : Encoding.BigEndianUnicode.GetString(tag.Slice(start, length));
    }

    private static string ReadAscii(ReadOnlySpan<byte> tag)
    {
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(tag[8..]);
        return length <= 0 || 12L + length > tag.Length
            ? string.Empty
            : Encoding.ASCII.GetString(tag.Slice(12, length)).TrimEnd('\0');
    }

    private static string Signature(ReadOnlySpan<byte> data, int offset) =>
        Encoding.ASCII.GetString(data.Slice(offset, 4));
}
