using NetVips;
using ShelfReady.Imaging.Quality;
using ShelfReady.Imaging.Tests.Compositing;

namespace ShelfReady.Imaging.Tests.Quality;

public sealed class FillRatioTests
{
    [Theory]
    [InlineData(1000, 1000, 100, 200, 850, 400, 0.85)]
    [InlineData(1000, 500, 300, 50, 200, 400, 0.80)]
    [InlineData(400, 800, 10, 10, 300, 120, 0.75)]
    public void Measure_DrawnBox_MatchesItsSizeAndShare(
        int width, int height, int left, int top, int boxWidth, int boxHeight, double expected)
    {
        using var shot = StudioShot.Box(width, height, left, top, boxWidth, boxHeight, [0, 0, 0], [255, 255, 255]);

        var fill = FillRatio.Measure(shot.Alpha);

        Assert.Equal(new ProductBounds(left, top, boxWidth, boxHeight), fill.Bounds);
        Assert.Equal(expected, fill.Ratio, 6);
    }

    [Fact]
    public void FindBounds_ThresholdAboveSoftEdge_ExcludesIt()
    {
        using var shot = StudioShot.Box(200, 200, 50, 60, 100, 80, [0, 0, 0], [255, 255, 255], softness: 6);

        var core = FillRatio.FindBounds(shot.Alpha, 255);
        var half = FillRatio.FindBounds(shot.Alpha);

        Assert.True(core.Width < half.Width && core.Height < half.Height);
        Assert.Equal((100, 80), (half.Width, half.Height));
    }

    [Fact]
    public void Measure_EmptyMatte_IsEmptyWithZeroFill()
    {
        using var black = Image.Black(50, 40);
        using var empty = black.Cast(Enums.BandFormat.Uchar);

        var fill = FillRatio.Measure(empty);

        Assert.True(fill.Bounds.IsEmpty);
        Assert.Equal(0, fill.Ratio);
    }

    [Fact]
    public void FindBounds_SinglePixel_IsOnePixelBox()
    {
        using var black = Image.Black(30, 20);
        using var dot = black.Cast(Enums.BandFormat.Uchar).Mutate(m => m.DrawRect([255], 7, 11, 1, 1, fill: true));

        Assert.Equal(new ProductBounds(7, 11, 1, 1), FillRatio.FindBounds(dot));
    }
}
