using System.Buffers.Binary;
// Aliased: the sibling namespace ShelfReady.Imaging.Encoders would shadow System.Text.Encoding.
using System.Text;

namespace ShelfReady.Imaging.Color;

/// <summary>
/// Writes ICC v4.3 display-class matrix/TRC profiles (ICC.1:2022, section 8.3.8) for RGB spaces whose transfer
/// curve is a pure gamma: header, tag table and the tags desc, cprt, wtpt, chad, rXYZ/gXYZ/bXYZ, rTRC/gTRC/bTRC.
/// </summary>
public static class IccProfileWriter
{
    private const int HeaderSize = 128;
    private const int TagEntrySize = 12;

    // A fixed creation date keeps the bytes identical on every run, so the cached file and hashes are stable.
    private static readonly DateTime CreationDate = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Builds the profile bytes for an RGB colour space.</summary>
    /// <param name="space">Primaries, white and gamma.</param>
    /// <param name="copyright">Text of the cprt tag.</param>
    public static byte[] WriteMatrixTrc(RgbColorSpace space, string copyright)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentException.ThrowIfNullOrWhiteSpace(space.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(copyright);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(space.Gamma);

        var colorants = space.RgbToPcsXyz();
        var curve = Curve(space.Gamma);
        var tags = new List<(string Signature, byte[] Data)>
        {
            ("desc", MultiLocalizedText(space.Name)),
            ("cprt", MultiLocalizedText(copyright)),
            ("wtpt", Xyz(RgbColorSpace.PcsWhite)),
            ("chad", S15Fixed16Array(space.AdaptationToPcs())),
            ("rXYZ", Xyz(colorants.Column(0))),
            ("gXYZ", Xyz(colorants.Column(1))),
            ("bXYZ", Xyz(colorants.Column(2))),
            ("rTRC", curve),
            ("gTRC", curve),
            ("bTRC", curve),
        };
        return Assemble(tags);
    }

    /// <summary>Encodes a number as ICC s15Fixed16Number: signed, 16 integer and 16 fraction bits.</summary>
    internal static int ToS15Fixed16(double value) => checked((int)Math.Round(value * 65536.0));

    private static byte[] Assemble(List<(string Signature, byte[] Data)> tags)
    {
        var tableSize = 4 + (tags.Count * TagEntrySize);
        var offsets = new Dictionary<byte[], int>(ReferenceEqualityComparer.Instance);
        var position = HeaderSize + tableSize;
        foreach (var (_, data) in tags)
        {
            // Tags that share one array (the three TRCs) share one data block, as ICC.1 7.3.5 allows.
            if (offsets.TryAdd(data, position))
            {
                position = Align4(position + data.Length);
            }
        }

        var profile = new byte[position];
        WriteHeader(profile);
        var table = profile.AsSpan(HeaderSize);
        BinaryPrimitives.WriteUInt32BigEndian(table, (uint)tags.Count);
        for (var i = 0; i < tags.Count; i++)
        {
            var (signature, data) = tags[i];
            var entry = table.Slice(4 + (i * TagEntrySize));
            WriteSignature(entry, signature);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], (uint)offsets[data]);
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)data.Length);
            data.CopyTo(profile.AsSpan(offsets[data]));
        }

        return profile;
    }

    private static void WriteHeader(byte[] profile)
    {
        var header = profile.AsSpan(0, HeaderSize);
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)profile.Length);
        BinaryPrimitives.WriteUInt32BigEndian(header[8..], 0x04300000);
        WriteSignature(header[12..], "mntr");
        WriteSignature(header[16..], "RGB ");
        WriteSignature(header[20..], "XYZ ");
        WriteDate(header[24..]);
        WriteSignature(header[36..], "acsp");
        WriteXyzNumber(header[68..], RgbColorSpace.PcsWhite);
    }

    private static void WriteDate(Span<byte> target)
    {
        ReadOnlySpan<int> parts =
        [
            CreationDate.Year, CreationDate.Month, CreationDate.Day,
            CreationDate.Hour, CreationDate.Minute, CreationDate.Second,
        ];
        for (var i = 0; i < parts.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(target[(i * 2)..], (ushort)parts[i]);
        }
    }

    private static byte[] MultiLocalizedText(string text)
    {
        const int RecordsStart = 16;
        const int RecordSize = 12;
        var utf16 = Encoding.BigEndianUnicode.GetBytes(text);
        var data = new byte[RecordsStart + RecordSize + utf16.Length];
        WriteSignature(data, "mluc");
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(12), RecordSize);
        WriteSignature(data.AsSpan(RecordsStart), "enUS");
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(RecordsStart + 4), (uint)utf16.Length);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(RecordsStart + 8), RecordsStart + RecordSize);
        utf16.CopyTo(data, RecordsStart + RecordSize);
        return data;
    }

    private static byte[] Xyz(Vector3D value)
    {
        var data = new byte[20];
        WriteSignature(data, "XYZ ");
        WriteXyzNumber(data.AsSpan(8), value);
        return data;
    }

    private static byte[] S15Fixed16Array(Matrix3 matrix)
    {
        ReadOnlySpan<double> values =
        [
            matrix.M11, matrix.M12, matrix.M13,
            matrix.M21, matrix.M22, matrix.M23,
            matrix.M31, matrix.M32, matrix.M33,
        ];
        var data = new byte[8 + (values.Length * 4)];
        WriteSignature(data, "sf32");
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(8 + (i * 4)), ToS15Fixed16(values[i]));
        }

        return data;
    }

    private static byte[] Curve(double gamma)
    {
        // One entry means a pure power curve stored as u8Fixed8Number; 563/256 (Adobe RGB) is exact in it.
        var encoded = Math.Round(gamma * 256.0);
        if (encoded is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "Gamma must fit u8Fixed8Number.");
        }

        var data = new byte[14];
        WriteSignature(data, "curv");
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(12), (ushort)encoded);
        return data;
    }

    private static void WriteXyzNumber(Span<byte> target, Vector3D value)
    {
        BinaryPrimitives.WriteInt32BigEndian(target, ToS15Fixed16(value.X));
        BinaryPrimitives.WriteInt32BigEndian(target[4..], ToS15Fixed16(value.Y));
        BinaryPrimitives.WriteInt32BigEndian(target[8..], ToS15Fixed16(value.Z));
    }

    private static void WriteSignature(Span<byte> target, string signature) =>
        Encoding.ASCII.GetBytes(signature, target[..4]);

    private static int Align4(int value) => (value + 3) & ~3;
}
