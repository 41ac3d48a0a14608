using NetVips;
using ShelfReady.Imaging.Quality;
using ShelfReady.Imaging.Tests.Compositing;

namespace ShelfReady.Imaging.Tests.Quality;

public sealed class EdgeQualityTests
{
    [Fact]
    public void Measure_IdealBlendOnWhite_HasNoHalo()
    {
        using var shot = StudioShot.Disk(300, 300, 150, 150, 90, [180, 30, 40], [255, 255, 255]);

        var result = EdgeQuality.Measure(shot.Rgb, shot.Alpha);

        Assert.True(result.SoftPixels > 500);
        Assert.True(result.RingPixels > 500);
        Assert.InRange(result.EdgeDeviation, 0, 1);
        Assert.Equal(0, result.RingDeviation);
        Assert.InRange(result.HaloScore, 0, 0.05);
    }

    [Fact]
    public void Measure_DarkBackgroundLeftInTheEdge_ShowsADarkFringe()
    {
        // Blended over dark grey, then laid on white without removing the grey: the classic fringe, which
        // deviates from the ideal by α(1 − α)(B − F), here negative in every channel.
        using var shot = StudioShot.Disk(300, 300, 150, 150, 90, [220, 190, 140], [60, 60, 60], softness: 3);
        using var onWhite = NaiveOnWhite(shot);

        var result = EdgeQuality.Measure(onWhite, shot.Alpha);

        Assert.True(result.HasDarkFringe);
        Assert.True(result.EdgeSignedDeviation < -10);
        Assert.True(result.HaloScore > 0.4);
    }

    [Fact]
    public void Measure_EdgeLighterThanTheMatteSays_IsNotAHalo()
    {
        // A matte a little wider than the product's real edge: the soft band shows more white than α implies.
        // On a white page that reads as anti-aliasing, so it must not cost edge points; a grey fringe must.
        using var shot = StudioShot.Disk(300, 300, 150, 150, 88, [40, 60, 160], [255, 255, 255], softness: 1);
        using var wideMatte = StudioShot.Disk(300, 300, 150, 150, 91, [40, 60, 160], [255, 255, 255], softness: 3);
        using var greyFringe = StudioShot.Disk(300, 300, 150, 150, 91, [40, 60, 160], [150, 150, 150], softness: 3);
        using var greyOnWhite = NaiveOnWhite(greyFringe);

        var eroded = EdgeQuality.Measure(shot.Rgb, wideMatte.Alpha);
        var contaminated = EdgeQuality.Measure(greyOnWhite, greyFringe.Alpha);

        Assert.True(eroded.EdgeSignedDeviation > 5, $"signed {eroded.EdgeSignedDeviation}");
        Assert.InRange(eroded.HaloScore, 0, 0.05);
        Assert.True(contaminated.HaloScore > 0.15, $"eroded {eroded.HaloScore}, contaminated {contaminated.HaloScore}");
    }

    [Fact]
    public void Measure_GreyRingOutsideTheMatte_IsCaught()
    {
        using var shot = StudioShot.Disk(300, 300, 150, 150, 90, [180, 30, 40], [255, 255, 255], softness: 1);
        using var ringed = shot.Rgb.Mutate(m => m.DrawCircle([120, 120, 120], 150, 150, 92, fill: false));

        var clean = EdgeQuality.Measure(shot.Rgb, shot.Alpha);
        var dirty = EdgeQuality.Measure(ringed, shot.Alpha);

        Assert.True(dirty.RingDeviation > clean.RingDeviation + 10);
        Assert.True(dirty.HaloScore > 0.4);
    }

    [Fact]
    public void Measure_NoProduct_ReportsNothing()
    {
        using var black = Image.Black(40, 40);
        using var empty = black.Cast(Enums.BandFormat.Uchar);
        using var white = (black + 255).Cast(Enums.BandFormat.Uchar);
        using var rgb = white.Bandjoin(white, white);

        var result = EdgeQuality.Measure(rgb, empty);

        Assert.Equal(EdgeQualityResult.Empty, result);
        Assert.Equal(1.0, result.Score);
    }

    /// <summary>α·I + (1 − α)·255 with the photo as it is: no decontamination.</summary>
    internal static Image NaiveOnWhite(StudioShot shot)
    {
        using var a = shot.Alpha.Cast(Enums.BandFormat.Float) / 255;
        using var foreground = shot.Rgb * a;
        using var white = (1 - a) * 255;
        using var sum = foreground + white + 0.5;
        return sum.Cast(Enums.BandFormat.Uchar);
    }
}
