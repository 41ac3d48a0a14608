using System.Buffers.Binary;
using System.Text;
using ShelfReady.Imaging.Color;

namespace ShelfReady.Imaging.Tests.Color;

public sealed class IccProfileWriterTests
{
    // The specification prints five decimals; s15Fixed16 resolves 1.5e-5.
    private const double Tolerance = 0.0001;

    private static readonly byte[] Profile = AdobeRgb1998.GetProfileBytes();

    [Fact]
    public void WriteMatrixTrc_AdobeRgb_HeaderFieldsFollowIccV4()
    {
        var info = IccProfileInfo.Parse(Profile);

        Assert.Equal(Profile.Length, info.Size);
        Assert.Equal(new Version(4, 3), info.Version);
        Assert.Equal("mntr", info.DeviceClass);
        Assert.Equal("RGB ", info.ColorSpace);
        Assert.Equal("XYZ ", info.ConnectionSpace);
        Assert.Equal(0.9642, info.Illuminant.X, 4);
        Assert.Equal(1.0, info.Illuminant.Y, 4);
        Assert.Equal(0.8249, info.Illuminant.Z, 4);
        Assert.Equal(AdobeRgb1998.Description, info.Description);
    }

    [Fact]
    public void WriteMatrixTrc_AdobeRgb_HasEveryRequiredTagInsideTheProfile()
    {
        var info = IccProfileInfo.Parse(Profile);

        Assert.Equal(
            ["desc", "cprt", "wtpt", "chad", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"],
            info.Tags);
        for (var i = 0; i < info.Tags.Count; i++)
        {
            var entry = 132 + (i * 12);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(Profile.AsSpan(entry + 4));
            var size = BinaryPrimitives.ReadUInt32BigEndian(Profile.AsSpan(entry + 8));
            Assert.Equal(0u, offset % 4);
            Assert.InRange(offset + size, 132u, (uint)Profile.Length);
        }
    }

    [Theory]
    // Adobe RGB (1998) Color Image Encoding 2005-05, 4.3.4.3: the colorants adapted to D50 with Bradford.
    [InlineData("rXYZ", 0.60974, 0.31111, 0.01947)]
    [InlineData("gXYZ", 0.20528, 0.62567, 0.06087)]
    [InlineData("bXYZ", 0.14919, 0.06322, 0.74457)]
    public void WriteMatrixTrc_AdobeRgb_ColorantsMatchTheSpecification(string tag, double x, double y, double z)
    {
        var data = TagData(tag);

        Assert.Equal("XYZ ", Encoding.ASCII.GetString(data[..4]));
        Assert.Equal(x, IccProfileInfo.S15Fixed16(data, 8), Tolerance);
        Assert.Equal(y, IccProfileInfo.S15Fixed16(data, 12), Tolerance);
        Assert.Equal(z, IccProfileInfo.S15Fixed16(data, 16), Tolerance);
    }

    [Fact]
    public void WriteMatrixTrc_AdobeRgb_ColorantsSumToThePcsWhite()
    {
        double SumOf(int offset) =>
            IccProfileInfo.S15Fixed16(TagData("rXYZ"), offset)
            + IccProfileInfo.S15Fixed16(TagData("gXYZ"), offset)
            + IccProfileInfo.S15Fixed16(TagData("bXYZ"), offset);

        Assert.Equal(0.9642, SumOf(8), 3);
        Assert.Equal(1.0, SumOf(12), 3);
        Assert.Equal(0.8249, SumOf(16), 3);
    }

    [Fact]
    public void WriteMatrixTrc_AdobeRgb_TrcIsGamma563Over256()
    {
        var data = TagData("gTRC");

        Assert.Equal("curv", Encoding.ASCII.GetString(data[..4]));
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32BigEndian(data[8..]));
        Assert.Equal(563, BinaryPrimitives.ReadUInt16BigEndian(data[12..]));
    }

    [Fact]
    public void WriteMatrixTrc_AdobeRgb_ChadMapsD65ToD50()
    {
        var data = TagData("chad").ToArray();
        double At(int i) => IccProfileInfo.S15Fixed16(data, 8 + (i * 4));
        var (x, y, z) = (0.3127 / 0.3290, 1.0, (1 - 0.3127 - 0.3290) / 0.3290);

        Assert.Equal(0.9642, (At(0) * x) + (At(1) * y) + (At(2) * z), 3);
        Assert.Equal(1.0, (At(3) * x) + (At(4) * y) + (At(5) * z), 3);
        Assert.Equal(0.8249, (At(6) * x) + (At(7) * y) + (At(8) * z), 3);
    }

    [Fact]
    public void WriteMatrixTrc_SameInput_SameBytes()
    {
        var again = IccProfileWriter.WriteMatrixTrc(AdobeRgb1998.ColorSpace, "test");
        var once = IccProfileWriter.WriteMatrixTrc(AdobeRgb1998.ColorSpace, "test");

        Assert.Equal(once, again);
    }

    [Fact]
    public void Parse_NotAProfile_Throws()
    {
        Assert.Throws<FormatException>(() => IccProfileInfo.Parse(new byte[200]));
    }

    private static ReadOnlySpan<byte> TagData(string signature)
    {
        var count = BinaryPrimitives.ReadUInt32BigEndian(Profile.AsSpan(128));
        for (var i = 0; i < count; i++)
        {
            var entry = Profile.AsSpan(132 + (i * 12));
            if (Encoding.ASCII.GetString(entry[..4]) == signature)
            {
                var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
                var size = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
                return Profile.AsSpan(offset, size);
            }
        }

        throw new InvalidOperationException($"No {signature} tag.");
    }
}
