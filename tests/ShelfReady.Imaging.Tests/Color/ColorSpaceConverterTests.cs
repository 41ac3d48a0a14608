using NetVips;
using ShelfReady.Imaging.Color;

namespace ShelfReady.Imaging.Tests.Color;

public sealed class ColorSpaceConverterTests
{
    [Theory]
    // Targets from the published matrices: sRGB (IEC 61966-2-1) to XYZ to Adobe RGB (1998), gamma 563/256;
    // Photoshop's relative colorimetric conversion gives the same 8-bit triples. ±2 levels covers Little CMS's
    // 16-bit fixed-point pipeline and rounding.
    [InlineData(0, 255, 0, 144, 255, 60)]
    [InlineData(255, 0, 0, 219, 0, 0)]
    [InlineData(0, 0, 255, 0, 0, 250)]
    [InlineData(255, 255, 255, 255, 255, 255)]
    [InlineData(128, 128, 128, 127, 127, 127)]
    public void SrgbToAdobeRgb_KnownColours_MatchPublishedValues(
        byte r, byte g, byte b, int expectedR, int expectedG, int expectedB)
    {
        using var srgb = Solid(r, g, b);
        using var adobe = ColorSpaceConverter.SrgbToAdobeRgb(srgb, depth: 8);

        var pixel = adobe.Getpoint(0, 0);

        Assert.Equal(Enums.BandFormat.Uchar, adobe.Format);
        Assert.InRange(pixel[0], expectedR - 2, expectedR + 2);
        Assert.InRange(pixel[1], expectedG - 2, expectedG + 2);
        Assert.InRange(pixel[2], expectedB - 2, expectedB + 2);
    }

    [Fact]
    public void SrgbToAdobeRgb_Depth16_WhiteStaysFullScaleUshort()
    {
        using var srgb = Solid(255, 255, 255);
        using var adobe = ColorSpaceConverter.SrgbToAdobeRgb(srgb);

        var pixel = adobe.Getpoint(0, 0);

        Assert.Equal(Enums.BandFormat.Ushort, adobe.Format);
        Assert.All(pixel, v => Assert.InRange(v, 65535 - 64, 65535));
    }

    [Fact]
    public void SrgbToAdobeRgb_InvalidDepth_Throws()
    {
        using var srgb = Solid(1, 2, 3);

        Assert.Throws<ArgumentOutOfRangeException>(() => ColorSpaceConverter.SrgbToAdobeRgb(srgb, depth: 12));
    }

    private static Image Solid(byte r, byte g, byte b)
    {
        using var black = Image.Black(4, 4);
        using var colour = black.NewFromImage(r, g, b);
        return colour.Copy(interpretation: Enums.Interpretation.Srgb);
    }
}
