using NetVips;
using ShelfReady.Imaging.Compositing;
using ShelfReady.Imaging.Quality;

namespace ShelfReady.Imaging.Tests.Compositing;

public sealed class StudioCompositorTests
{
    private static readonly double[] OffWhite = [242, 240, 236];
    private static readonly double[] Grey = [128, 128, 128];
    private static readonly double[] Navy = [40, 60, 120];

    [Theory]
    [InlineData(242, 240, 236)]
    [InlineData(128, 128, 128)]
    [InlineData(200, 215, 230)]
    public void Compose_ShapeOnColouredBackground_EveryBackgroundPixelIsExactlyWhite(byte r, byte g, byte b)
    {
        using var shot = StudioShot.Disk(900, 700, 420, 330, 200, Navy, [r, g, b]);
        using var result = StudioCompositor.Compose(shot.Rgb, shot.Alpha, new CompositeOptions { OutputLongSide = 600 });

        using var background = result.Matte.RelationalConst(Enums.OperationRelational.Equal, [0]);
        using var onlyBackground = background.Ifthenelse(result.Image, 255);
        var backgroundShare = background.Avg() / 255;

        Assert.InRange(backgroundShare, 0.3, 0.6);
        Assert.Equal(255, onlyBackground.Min());
    }

    [Fact]
    public void Compose_Defaults_PixelsAwayFromTheOutlineAreWhite()
    {
        using var shot = StudioShot.Box(1200, 900, 300, 200, 500, 400, Navy, Grey);
        using var result = StudioCompositor.Compose(shot.Rgb, shot.Alpha, new CompositeOptions { OutputLongSide = 800 });

        // The product spans 85% of 800 px; 4 px beyond its box nothing but white may remain.
        var box = ProductBoxFromPixels(result.Image);
        using var outside = Outside(result.Image, box, margin: 4);

        Assert.Equal(255, outside.Min());
    }

    [Theory]
    [InlineData(0.85, CanvasShape.Square, 1600, 1200, 600, 300)]
    [InlineData(0.85, CanvasShape.Square, 1200, 1600, 250, 700)]
    [InlineData(0.75, CanvasShape.Square, 1600, 1200, 400, 400)]
    [InlineData(0.90, CanvasShape.SourceAspect, 1600, 1000, 300, 500)]
    [InlineData(0.85, CanvasShape.SourceAspect, 1000, 1600, 700, 300)]
    [InlineData(0.60, CanvasShape.Square, 1600, 1200, 1500, 1100)]
    public void Compose_TargetFill_ProductSpansTheTargetShareWithinOnePercent(
        double target, CanvasShape shape, int width, int height, int boxWidth, int boxHeight)
    {
        using var shot = StudioShot.Box(
            width, height, (width - boxWidth) / 3, (height - boxHeight) / 2, boxWidth, boxHeight, Navy, OffWhite);
        var options = new CompositeOptions { TargetFill = target, Shape = shape, OutputLongSide = 1000 };
        using var result = StudioCompositor.Compose(shot.Rgb, shot.Alpha, options);

        var box = ProductBoxFromPixels(result.Image);
        var fill = new FillMeasurement(box, result.Image.Width, result.Image.Height).Ratio;

        Assert.InRange(fill, target - 0.01, target + 0.01);
        Assert.Equal(fill, result.Fill.Ratio, 0.01);
    }

    [Theory]
    [InlineData(CanvasShape.Square, 1600, 1200, 1000, 1000)]
    [InlineData(CanvasShape.SourceAspect, 1600, 1200, 1000, 750)]
    [InlineData(CanvasShape.SourceAspect, 900, 1200, 750, 1000)]
    public void Compose_Shape_CanvasHasTheRequestedSize(
        CanvasShape shape, int width, int height, int expectedWidth, int expectedHeight)
    {
        using var shot = StudioShot.Box(width, height, 100, 100, 300, 300, Navy, OffWhite);
        using var result = StudioCompositor.Compose(
            shot.Rgb, shot.Alpha, new CompositeOptions { Shape = shape, OutputLongSide = 1000 });

        Assert.Equal((expectedWidth, expectedHeight), (result.Image.Width, result.Image.Height));
        Assert.Equal(3, result.Image.Bands);
        Assert.Equal(Enums.BandFormat.Uchar, result.Image.Format);
    }

    [Fact]
    public void Compose_ProductAtThePhotoEdge_IsCentredWithWhitePadding()
    {
        using var shot = StudioShot.Box(1000, 800, 0, 0, 400, 300, Navy, OffWhite);
        using var result = StudioCompositor.Compose(shot.Rgb, shot.Alpha, new CompositeOptions { OutputLongSide = 800 });

        var box = ProductBoxFromPixels(result.Image);

        Assert.InRange(box.CenterX, 399, 401);
        Assert.InRange(box.CenterY, 399, 401);
        Assert.Equal(255, result.Image.Getpoint(5, 5)[0]);
    }

    [Fact]
    public void Compose_TintedBackground_MapsTheTintToNeutral()
    {
        // The product reflects half the light of the background in every channel, so once the background is
        // white it is a neutral grey at linear 0.5, sRGB 188.
        double[] background = [225, 235, 250];
        double[] product = [HalfLinear(225), HalfLinear(235), HalfLinear(250)];
        using var shot = StudioShot.Box(800, 600, 200, 150, 400, 300, product, background);
        using var result = StudioCompositor.Compose(shot.Rgb, shot.Alpha, new CompositeOptions { OutputLongSide = 600 });

        var centre = result.Image.Getpoint(300, 300);

        Assert.Equal(new BackgroundTone(225, 235, 250), result.BackgroundReference);
        Assert.All(centre, v => Assert.InRange(v, 186, 190));
    }

    [Fact]
    public void Compose_WhiteBalanceOff_KeepsProductColour()
    {
        using var shot = StudioShot.Box(800, 600, 200, 150, 400, 300, Navy, OffWhite);
        using var result = StudioCompositor.Compose(
            shot.Rgb, shot.Alpha, new CompositeOptions { OutputLongSide = 600, NormalizeWhiteBalance = false });

        Assert.Equal(Navy, result.Image.Getpoint(300, 300));
        Assert.Equal(WhiteBalanceGains.Identity, result.Gains);
    }

    [Theory]
    [InlineData(128, 128, 128)]
    [InlineData(60, 60, 60)]
    [InlineData(90, 160, 90)]
    public void Compose_Decontaminate_RemovesTheFringeThatPlainBlendingLeaves(byte r, byte g, byte b)
    {
        using var shot = StudioShot.Disk(1000, 800, 500, 400, 250, [220, 190, 140], [r, g, b], softness: 4);
        var options = new CompositeOptions { OutputLongSide = 700, NormalizeWhiteBalance = false };
        using var clean = StudioCompositor.Compose(shot.Rgb, shot.Alpha, options);
        using var plain = StudioCompositor.Compose(shot.Rgb, shot.Alpha, options with { Decontaminate = false });

        var cleanEdge = EdgeQuality.Measure(clean.Image, clean.Matte);
        var plainEdge = EdgeQuality.Measure(plain.Image, plain.Matte);

        Assert.InRange(cleanEdge.HaloScore, 0, 0.15);
        Assert.True(plainEdge.HaloScore > cleanEdge.HaloScore + 0.25);
        Assert.True(plainEdge.EdgeDeviation > 3 * cleanEdge.EdgeDeviation);
    }

    [Fact]
    public void Compose_GradientBackground_LocalModelKeepsTheEdgeClean()
    {
        // A sweep from light at the top to dark at the bottom: one global background colour would be wrong at
        // both ends of the product.
        using var shot = StudioShot.Disk(800, 1000, 400, 500, 300, [220, 190, 140], [128, 128, 128], softness: 4);
        using var coordinates = Image.Xyz(800, 1000);
        using var rows = coordinates.ExtractBand(1);
        using var gradient = rows.Linear([-0.15], [250]);
        using var background = gradient.Bandjoin(gradient, gradient).Cast(Enums.BandFormat.Uchar);
        using var photo = Relight(shot, background);
        var options = new CompositeOptions { OutputLongSide = 700, NormalizeWhiteBalance = false };

        using var result = StudioCompositor.Compose(photo, shot.Alpha, options);
        var edge = EdgeQuality.Measure(result.Image, result.Matte);

        Assert.InRange(edge.HaloScore, 0, 0.15);
    }

    [Fact]
    public void Compose_DarkBackground_CapsTheGain()
    {
        using var shot = StudioShot.Box(800, 600, 200, 150, 400, 300, Navy, Grey);
        using var result = StudioCompositor.Compose(
            shot.Rgb, shot.Alpha, new CompositeOptions { OutputLongSide = 600, MaxGain = 1.5 });

        Assert.Equal(new WhiteBalanceGains(1.5, 1.5, 1.5), result.Gains);
    }

    [Fact]
    public void Compose_NoisyMatte_BackgroundStaysExactlyWhite()
    {
        // Segmentation models rarely output exact zeros; specks up to the noise floor must not tint the white.
        using var shot = StudioShot.Box(600, 600, 200, 200, 200, 200, Navy, Grey);
        using var noise = Image.Gaussnoise(600, 600, sigma: 1.5, mean: 2);
        using var high = noise > 4;
        using var capped = high.Ifthenelse(4, noise);
        using var specks = capped.Cast(Enums.BandFormat.Uchar);
        using var noisy = shot.Alpha.Maxpair(specks);
        using var result = StudioCompositor.Compose(shot.Rgb, noisy, new CompositeOptions { OutputLongSide = 600 });

        var box = ProductBoxFromPixels(result.Image);
        using var outside = Outside(result.Image, box, margin: 4);

        Assert.Equal(255, outside.Min());
    }

    [Fact]
    public void Compose_EmptyMatte_Throws()
    {
        using var shot = StudioShot.Box(200, 200, 50, 50, 100, 100, Navy, OffWhite);
        using var empty = Image.Black(200, 200).Cast(Enums.BandFormat.Uchar);

        Assert.Throws<ArgumentException>(() => StudioCompositor.Compose(shot.Rgb, empty));
    }

    [Theory]
    [InlineData(0.0, 2000, 2.0)]
    [InlineData(0.85, 10, 2.0)]
    [InlineData(0.85, 2000, 0.5)]
    public void Validate_OutOfRange_Throws(double fill, int longSide, double maxGain)
    {
        var options = new CompositeOptions { TargetFill = fill, OutputLongSide = longSide, MaxGain = maxGain };

        Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
    }

    /// <summary>Bounds of pixels at least half-way from white to the navy product, read from pixels alone.</summary>
    internal static ProductBounds ProductBoxFromPixels(Image composite)
    {
        using var red = composite.ExtractBand(0);
        using var product = red.RelationalConst(Enums.OperationRelational.Lesseq, [(255 + Navy[0]) / 2]);
        return FillRatio.FindBounds(product);
    }

    private static Image Outside(Image composite, ProductBounds box, int margin)
    {
        using var black = Image.Black(box.Width + (2 * margin), box.Height + (2 * margin));
        using var patch = black + 255;
        using var inside = patch.Embed(box.Left - margin, box.Top - margin, composite.Width, composite.Height);
        using var mask = inside.Cast(Enums.BandFormat.Uchar);
        return mask.Ifthenelse(255, composite);
    }

    /// <summary>The shot's product over another background, by the compositing equation.</summary>
    private static Image Relight(StudioShot shot, Image background)
    {
        using var a = shot.Alpha.Cast(Enums.BandFormat.Float) / 255;
        using var product = a.Linear([220, 190, 140], [0, 0, 0]);
        using var behind = background * (1 - a);
        using var sum = product + behind + 0.5;
        using var bytes = sum.Cast(Enums.BandFormat.Uchar);
        return bytes.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    private static double HalfLinear(double srgb)
    {
        var linear = Math.Pow(((srgb / 255) + 0.055) / 1.055, 2.4) * 0.5;
        return 255 * ((1.055 * Math.Pow(linear, 1 / 2.4)) - 0.055);
    }
}
