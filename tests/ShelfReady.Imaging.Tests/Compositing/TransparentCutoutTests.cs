using NetVips;
using ShelfReady.Imaging.Compositing;
using ShelfReady.Imaging.Encoders;

namespace ShelfReady.Imaging.Tests.Compositing;

public sealed class TransparentCutoutTests
{
    private static readonly double[] Navy = [40, 60, 120];
    private static readonly double[] Grey = [150, 150, 150];

    [Fact]
    public void FromComposite_SoftEdgedDisk_AlphaIsTheMatteAndOverWhiteGivesTheCompositeBack()
    {
        using var shot = StudioShot.Disk(900, 700, 420, 330, 200, Navy, Grey, softness: 4);
        using var result = StudioCompositor.Compose(shot.Rgb, shot.Alpha, new CompositeOptions { OutputLongSide = 600 });

        using var cutout = TransparentCutout.FromComposite(result.Image, result.Matte);

        Assert.Equal((4, 600, 600), (cutout.Bands, cutout.Width, cutout.Height));
        using var alpha = cutout.ExtractBand(3);
        using var alphaDifference = (alpha - result.Matte).Abs();
        Assert.Equal(0, alphaDifference.Max());

        // Rounding the recovered colour to 8 bits may move a faint edge pixel by under one level once it is
        // blended back onto white; anything more would be a fringe the designer sees.
        using var overWhite = OverWhite(cutout);
        using var difference = (overWhite - result.Image).Abs();
        Assert.InRange(difference.Max(), 0, 1.0);
    }

    [Fact]
    public void FromComposite_SoftEdge_ColourIsTheProductsNotBlendedWithWhite()
    {
        using var shot = StudioShot.Disk(900, 700, 420, 330, 200, Navy, Grey, softness: 4);
        using var result = StudioCompositor.Compose(shot.Rgb, shot.Alpha, new CompositeOptions { OutputLongSide = 600, NormalizeWhiteBalance = false });

        using var cutout = TransparentCutout.FromComposite(result.Image, result.Matte);

        // Half-covered edge pixels on white are pale; in the cut-out they must stay navy.
        using var alpha = cutout.ExtractBand(3);
        using var low = alpha > 64;
        using var high = alpha < 192;
        using var band = low & high;
        using var blue = cutout.ExtractBand(2);
        using var red = cutout.ExtractBand(0);
        using var edgeRed = band.Ifthenelse(red, 0);
        Assert.True(band.Avg() > 0, "The disk has no soft edge to test.");
        Assert.InRange(edgeRed.Max(), 0, Navy[0] + 12);
        using var edgeBlue = band.Ifthenelse(blue, 0);
        Assert.InRange(edgeBlue.Max(), Navy[2] - 12, Navy[2] + 12);
    }

    [Fact]
    public void FromComposite_RingMatte_HoleIsTransparentNotWhite()
    {
        using var outer = StudioShot.Disk(800, 800, 400, 400, 300, Navy, Grey);
        using var hole = Image.Sdf(800, 800, Enums.SdfShape.Circle, r: 120, a: [399.5, 399.5]);
        using var inHole = hole < 0;
        using var ring = inHole.Ifthenelse(0, outer.Alpha);
        using var result = StudioCompositor.Compose(outer.Rgb, ring, new CompositeOptions { OutputLongSide = 600 });

        using var cutout = TransparentCutout.FromComposite(result.Image, result.Matte);

        using var centre = cutout.Crop(290, 290, 20, 20);
        Assert.Equal(0, centre.ExtractBand(3).Max());
        Assert.Equal(255, centre.ExtractBand(0, 3).Min());
    }

    [Fact]
    public void FromComposite_EncodedAsPng_KeepsItsAlpha()
    {
        using var shot = StudioShot.Disk(400, 300, 200, 150, 100, Navy, Grey);
        using var result = StudioCompositor.Compose(shot.Rgb, shot.Alpha, new CompositeOptions { OutputLongSide = 300 });
        using var cutout = TransparentCutout.FromComposite(result.Image, result.Matte);

        var encoded = ImageEncoder.Encode(cutout, new PngOptions());

        using var reopened = Image.NewFromBuffer(encoded.Bytes, failOn: Enums.FailOn.Error);
        Assert.Equal(4, reopened.Bands);
        using var difference = (reopened.ExtractBand(3) - result.Matte).Abs();
        Assert.Equal(0, difference.Max());
    }

    [Theory]
    [InlineData(OutputFormat.Jpeg)]
    [InlineData(OutputFormat.WebP)]
    public void Encode_CutoutAsAFormatThatLosesAlpha_IsRefused(OutputFormat format)
    {
        using var shot = StudioShot.Disk(400, 300, 200, 150, 100, Navy, Grey);
        using var result = StudioCompositor.Compose(shot.Rgb, shot.Alpha, new CompositeOptions { OutputLongSide = 300 });
        using var cutout = TransparentCutout.FromComposite(result.Image, result.Matte);
        EncoderOptions options = format == OutputFormat.Jpeg ? new JpegOptions() : new WebpOptions();

        var error = Assert.Throws<ArgumentException>(() => ImageEncoder.Encode(cutout, options));

        Assert.Contains("alpha", error.Message, StringComparison.Ordinal);
    }

    private static Image OverWhite(Image cutout)
    {
        using var colour = cutout.ExtractBand(0, 3).Cast(Enums.BandFormat.Float);
        using var alpha = cutout.ExtractBand(3).Cast(Enums.BandFormat.Float);
        using var coverage = alpha / 255;
        using var inverse = 1 - coverage;
        using var product = colour * coverage;
        using var white = inverse * 255;
        using var sum = product + white;
        using var rounded = sum + 0.5;
        return rounded.Cast(Enums.BandFormat.Uchar);
    }
}
