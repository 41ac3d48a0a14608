using NetVips;
using ShelfReady.Imaging.Quality;
using ShelfReady.Imaging.Tests.Compositing;

namespace ShelfReady.Imaging.Tests.Quality;

public sealed class BackgroundComplianceTests
{
    [Fact]
    public void Measure_PureWhiteWithProduct_Passes()
    {
        using var shot = StudioShot.Box(400, 300, 100, 80, 200, 140, [20, 40, 90], [255, 255, 255]);

        var result = BackgroundCompliance.Measure(shot.Rgb, shot.Alpha);

        Assert.True(result.Pass);
        Assert.Equal(1.0, result.PassingShare);
        Assert.Equal(0, result.NonWhiteOutsideProduct);
        Assert.Equal(1.0, result.Score);
    }

    [Fact]
    public void Measure_GreyBorder_FailsThePerimeterCheck()
    {
        using var white = Solid(400, 300, 255);
        using var framed = white.Mutate(m =>
        {
            foreach (var (x, y, w, h) in new[] { (0, 0, 400, 6), (0, 294, 400, 6), (0, 0, 6, 300), (394, 0, 6, 300) })
            {
                m.DrawRect([200, 200, 200], x, y, w, h, fill: true);
            }
        });

        var result = BackgroundCompliance.Measure(framed);

        Assert.False(result.PerimeterPass);
        Assert.False(result.Pass);
        Assert.InRange(result.PassingShare, 0.0, 0.5);
        Assert.Null(result.NonWhiteOutsideProduct);
    }

    [Fact]
    public void Measure_OffWhiteWithinJpegTolerance_PassesPerimeterButNotTheStrictCount()
    {
        using var offWhite = Solid(200, 100, 252);
        using var black = Image.Black(200, 100);
        using var noProduct = black.Cast(Enums.BandFormat.Uchar);

        var result = BackgroundCompliance.Measure(offWhite, noProduct);

        Assert.True(result.PerimeterPass);
        Assert.Equal(200 * 100, result.NonWhiteOutsideProduct);
        Assert.False(result.Pass);
    }

    [Fact]
    public void Measure_StrayPixelsOutsideProduct_AreCountedExactly()
    {
        using var shot = StudioShot.Box(300, 300, 100, 100, 100, 100, [20, 40, 90], [255, 255, 255]);
        using var specks = shot.Rgb.Mutate(m =>
        {
            m.DrawRect([254, 255, 255], 10, 10, 3, 2, fill: true);
            m.DrawRect([255, 255, 0], 150, 150, 5, 5, fill: true);
        });

        var result = BackgroundCompliance.Measure(specks, shot.Alpha);

        // The 6 specks outside count; the 25 inside the product do not.
        Assert.Equal(6, result.NonWhiteOutsideProduct);
        Assert.True(result.PerimeterPass);
        Assert.False(result.Pass);
    }

    private static Image Solid(int width, int height, byte value)
    {
        using var black = Image.Black(width, height);
        using var colour = black.NewFromImage(value, value, value);
        return colour.Copy(interpretation: Enums.Interpretation.Srgb);
    }
}
