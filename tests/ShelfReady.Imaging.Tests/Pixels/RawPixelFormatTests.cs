using NetVips;
using ShelfReady.Imaging.Pixels;
using ShelfReady.Imaging.Tests.Loading;

namespace ShelfReady.Imaging.Tests.Pixels;

public sealed class RawPixelFormatTests
{
    [Fact]
    public void Decode_OfEncode_IsPixelIdentical()
    {
        using var image = TestFiles.MarkedImage();

        using var back = RawPixelFormat.Decode(RawPixelFormat.Encode(image));

        Assert.Equal((image.Width, image.Height, image.Bands), (back.Width, back.Height, back.Bands));
        using var difference = (back - image).Abs();
        Assert.Equal(0, difference.Max());
    }

    [Fact]
    public void Decode_TruncatedBlob_Throws()
    {
        using var image = TestFiles.MarkedImage();
        var data = RawPixelFormat.Encode(image);

        Assert.Throws<InvalidDataException>(() => RawPixelFormat.Decode(data[..^1]));
    }

    [Fact]
    public void Encode_SixteenBitImage_IsRefused()
    {
        using var image = TestFiles.MarkedImage();
        using var sixteen = image.Cast(Enums.BandFormat.Ushort);

        Assert.Throws<ArgumentException>(() => RawPixelFormat.Encode(sixteen));
    }
}
