using System.Buffers.Binary;
using System.Text;

namespace ShelfReady.Imaging.Color;

/// <summary>
/// Reads the human name of an ICC profile from its 'desc' tag: textDescriptionType in ICC v2 profiles,
/// multiLocalizedUnicodeType in v4 (ICC.1:2001-04 §6.5.17, ICC.1:2010 §10.15).
/// </summary>
public static class IccDescription
{
    private const int HeaderSize = 128;

    /// <summary>The profile's description, or null when it has none or the bytes are not a profile.</summary>
    public static string? Read(ReadOnlySpan<byte> profile)
    {
        if (profile.Length < HeaderSize + 4 || !profile.Slice(36, 4).SequenceEqual("acsp"u8))
        {
            return null;
        }

        var tagCount = BinaryPrimitives.ReadUInt32BigEndian(profile[HeaderSize..]);
        for (var i = 0; i < Math.Min(tagCount, 256u); i++)
        {
            var entry = HeaderSize + 4 + (i * 12);
            if (entry + 12 > profile.Length)
            {
                return null;
            }

            if (profile.Slice(entry, 4).SequenceEqual("desc"u8))
            {
                var offset = BinaryPrimitives.ReadUInt32BigEndian(profile[(entry + 4)..]);
                var size = BinaryPrimitives.ReadUInt32BigEndian(profile[(entry + 8)..]);
                return offset + (long)size <= profile.Length && size >= 12
                    ? DecodeText(profile.Slice((int)offset, (int)size))
                    : null;
            }
        }

        return null;
    }

    private static string? DecodeText(ReadOnlySpan<byte> tag)
    {
        if (tag.StartsWith("desc"u8))
        {
            var length = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(tag[8..]), (uint)(tag.Length - 12));
            return Clean(Encoding.ASCII.GetString(tag.Slice(12, length)));
        }

        if (tag.StartsWith("mluc"u8) && tag.Length >= 28)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(tag[20..]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(tag[24..]);
            return offset + length <= tag.Length ? Clean(Encoding.BigEndianUnicode.GetString(tag.Slice(offset, length))) : null;
        }

        return null;
    }

    private static string? Clean(string text)
    {
        var trimmed = text.TrimEnd('\0').Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
