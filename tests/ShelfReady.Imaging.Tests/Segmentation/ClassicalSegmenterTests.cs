using NetVips;
using ShelfReady.Imaging.Pixels;
using ShelfReady.Imaging.Segmentation;
using ShelfReady.Imaging.Synthetic;

namespace ShelfReady.Imaging.Tests.Segmentation;

public sealed class ClassicalSegmenterTests(SegmentationSetFixture sets) : IClassFixture<SegmentationSetFixture>
{
    [Fact]
    public void Segment_SimpleProducts_MeanIoUAtLeast097()
    {
        var simple = sets.Results.Where(r => r.Labels.Complexity == ProductComplexity.Simple).ToList();

        Assert.Equal(SegmentationSetFixture.ShotsPerSet, simple.Count);
        Assert.True(simple.Average(r => r.IoU) >= 0.97, Describe(simple));
    }

    [Fact]
    public void Segment_MediumProducts_MeanIoUAtLeast090()
    {
        var medium = sets.Results.Where(r => r.Labels.Complexity == ProductComplexity.Medium).ToList();

        Assert.Equal(SegmentationSetFixture.ShotsPerSet, medium.Count);
        Assert.True(medium.Average(r => r.IoU) >= 0.90, Describe(medium));
    }

    [Fact]
    public void Segment_SimpleProducts_SoftEdgesAgreeWithGroundTruth()
    {
        var simple = sets.Results.Where(r => r.Labels.Complexity == ProductComplexity.Simple).ToList();

        Assert.True(simple.Average(r => r.SoftIoU) >= 0.97, Describe(simple));
    }

    [Fact]
    public void Segment_TwelveMegapixelShot_ProxyPathKeepsAccuracy()
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 4000, Height = 3000, Seed = 31, Category = "electronics", JpegQuality = 90 });

        using var matte = new ClassicalSegmenter().Segment(shot.Photo, TestContext.Current.CancellationToken);

        Assert.Equal((4000, 3000, 1), (matte.Width, matte.Height, matte.Bands));
        Assert.True(MatteComparison.IoU(matte, shot.Alpha) >= 0.97);
        Assert.True(MatteComparison.SoftIoU(matte, shot.Alpha) >= 0.96);
    }

    [Fact]
    public void Segment_Output_IsOneBandUcharOfInputSize()
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 700, Height = 500, Seed = 2 });

        using var matte = new ClassicalSegmenter().Segment(shot.Photo, TestContext.Current.CancellationToken);

        Assert.Equal((700, 500, 1, Enums.BandFormat.Uchar), (matte.Width, matte.Height, matte.Bands, matte.Format));
    }

    [Fact]
    public void Segment_EmptyBackdrop_NoProduct()
    {
        using var backdrop = Backdrop(640, 480, 238);

        using var matte = new ClassicalSegmenter().Segment(backdrop, TestContext.Current.CancellationToken);

        Assert.Equal(0, matte.Max());
    }

    [Fact]
    public void Segment_SoftGreyShadow_IsBackgroundUnlessKept()
    {
        using var photo = ProductOverShadow();

        using var matte = new ClassicalSegmenter().Segment(photo, TestContext.Current.CancellationToken);
        using var kept = new ClassicalSegmenter(new ClassicalSegmenterOptions { KeepShadows = true }).Segment(photo, TestContext.Current.CancellationToken);

        Assert.True(MeanIn(matte, ShadowOnly) < 5, $"shadow alpha {MeanIn(matte, ShadowOnly):F1}");
        Assert.True(MeanIn(matte, ProductBox) > 250);
        Assert.True(MeanIn(kept, ShadowOnly) > 128, $"kept shadow alpha {MeanIn(kept, ShadowOnly):F1}");
    }

    [Fact]
    public void Segment_CancelledToken_Throws()
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 400, Height = 300, Seed = 1 });
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => new ClassicalSegmenter().Segment(shot.Photo, cancelled.Token));
    }

    [Fact]
    public void Segment_FourBandImage_Throws()
    {
        using var backdrop = Backdrop(64, 64, 200);
        using var rgba = backdrop.Bandjoin(255);

        Assert.Throws<ArgumentException>(() => new ClassicalSegmenter().Segment(rgba, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(100, 4.5, 2.5)]
    [InlineData(1200, 3.0, 4.0)]
    public void Constructor_InvalidOptions_Throws(int proxyLongSide, double high, double low)
    {
        var options = new ClassicalSegmenterOptions { ProxyLongSide = proxyLongSide, HighThreshold = high, LowThreshold = low };

        Assert.Throws<ArgumentOutOfRangeException>(() => new ClassicalSegmenter(options));
    }

    private static (int X0, int Y0, int X1, int Y1) ProductBox => (250, 150, 390, 330);

    /// <summary>The shadow ellipse to the left of the product, clear of its edge.</summary>
    private static (int X0, int Y0, int X1, int Y1) ShadowOnly => (150, 315, 230, 345);

    private static Image Backdrop(int width, int height, double level)
    {
        using var black = Image.Black(width, height, bands: 3);
        using var flat = black + level;
        return flat.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>A dark-red box standing on a wide, soft, neutral grey contact shadow on white.</summary>
    private static Image ProductOverShadow()
    {
        var pixels = new PixelBuffer(640, 480, 3);
        for (var y = 0; y < 480; y++)
        {
            for (var x = 0; x < 640; x++)
            {
                var qx = (x - 320) / 180.0;
                var qy = (y - 330) / 22.0;
                var shade = 1 - (0.3 * Math.Exp(-2 * ((qx * qx) + (qy * qy))));
                var inBox = x >= ProductBox.X0 && x < ProductBox.X1 && y >= ProductBox.Y0 && y < ProductBox.Y1;
                var p = pixels.IndexOf(x, y);
                pixels.Data[p] = (byte)(inBox ? 150 : 250 * shade);
                pixels.Data[p + 1] = (byte)(inBox ? 30 : 250 * shade);
                pixels.Data[p + 2] = (byte)(inBox ? 40 : 248 * shade);
            }
        }

        return pixels.ToImage();
    }

    private static double MeanIn(Image matte, (int X0, int Y0, int X1, int Y1) box)
    {
        using var crop = matte.Crop(box.X0, box.Y0, box.X1 - box.X0, box.Y1 - box.Y0);
        return crop.Avg();
    }

    private static string Describe(List<SegmentationResult> results) =>
        $"mean IoU {results.Average(r => r.IoU):F4}, soft {results.Average(r => r.SoftIoU):F4}; worst: " +
        string.Join(", ", results.OrderBy(r => r.IoU).Take(5).Select(r => $"{r.Labels.Category}/{r.Labels.Background} {r.IoU:F3}"));
}
