using NetVips;
using ShelfReady.Imaging.Analysis;
using ShelfReady.Imaging.Color;
using ShelfReady.Imaging.Pixels;
using ShelfReady.Imaging.Synthetic;

namespace ShelfReady.Imaging.Tests.Analysis;

public sealed class BackgroundModelTests
{
    [Fact]
    public void Estimate_FlatTone_RecoversToneWithoutGradientOrNoise()
    {
        using var photo = Gradient(1200, 900, (x, y) => (231, 228, 222));

        var model = BackgroundModel.Estimate(photo);

        Assert.Equal(231, model.Tone.R, 0.5);
        Assert.Equal(228, model.Tone.G, 0.5);
        Assert.Equal(222, model.Tone.B, 0.5);
        Assert.True(model.GradientStrength < 0.3);
        Assert.True(Math.Abs(model.VignetteStrength) < 0.3);
        Assert.True(model.NoiseLevel < 0.1);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 90)]
    public void Estimate_LinearGradient_RecoversStrengthAndDirection(bool horizontal, double expectedDegrees)
    {
        // 248 at one edge falling to 218 at the other, towards the right or the bottom.
        using var photo = Gradient(1000, 800, (x, y) =>
        {
            var level = 248 - (30.0 * (horizontal ? (x + 0.5) / 1000 : (y + 0.5) / 800));
            return (level, level, level);
        });
        var expected = ColorMath.DeltaE76(ColorMath.ToLab(248, 248, 248), ColorMath.ToLab(218, 218, 218));

        var model = BackgroundModel.Estimate(photo);

        Assert.Equal(expected, model.GradientStrength, expected * 0.1);
        Assert.True(AngleBetween(model.GradientDirectionDegrees, expectedDegrees) < 3, $"direction {model.GradientDirectionDegrees:F1}°");
        Assert.Equal(233, model.Tone.R, 1.5);
    }

    [Fact]
    public void Estimate_Vignette_PositiveStrengthOnlyWhenCornersAreDarker()
    {
        using var vignetted = Gradient(1000, 800, (x, y) =>
        {
            var u = ((x + 0.5) / 500) - 1;
            var v = ((y + 0.5) / 400) - 1;
            var level = 245 * (1 - (0.06 * ((u * u) + (v * v))));
            return (level, level, level);
        });
        using var flat = Gradient(1000, 800, (x, y) => (245, 245, 245));

        Assert.True(BackgroundModel.Estimate(vignetted).VignetteStrength > 3);
        Assert.True(Math.Abs(BackgroundModel.Estimate(flat).VignetteStrength) < 0.3);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(4.0)]
    public void Estimate_SensorNoise_RecoversSigma(double sigma)
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 12, Background = BackgroundKind.LightGrey, NoiseSigma = sigma });

        var model = BackgroundModel.Estimate(shot.Photo);

        Assert.Equal(sigma, model.NoiseLevel, sigma * 0.15);
    }

    [Theory]
    [InlineData(BackgroundKind.White)]
    [InlineData(BackgroundKind.OffWhite)]
    [InlineData(BackgroundKind.LightGrey)]
    public void Estimate_GeneratedShotWithProduct_ToneMatchesLabel(BackgroundKind kind)
    {
        for (var seed = 0; seed < 5; seed++)
        {
            using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Seed = seed, Background = kind, Complexity = ProductComplexity.Complex });

            var model = BackgroundModel.Estimate(shot.Photo);

            Assert.True(ColorMath.DeltaE76(model.ToneLab, shot.Labels.BackgroundTone.ToLab()) < 1.5, $"seed {seed}: {model.Tone} vs {shot.Labels.BackgroundTone}");
        }
    }

    [Fact]
    public void Estimate_ProductTouchingBorder_IgnoredAsOutlier()
    {
        using var photo = Gradient(1000, 800, (x, y) => x < 120 && y > 300 && y < 500 ? (30, 30, 160) : (240, 240, 240));

        var model = BackgroundModel.Estimate(photo);

        Assert.Equal(240, model.Tone.B, 1);
        Assert.True(model.GradientStrength < 1, $"gradient {model.GradientStrength:F2}");
    }

    private static Image Gradient(int width, int height, Func<int, int, (double R, double G, double B)> colour)
    {
        var pixels = new PixelBuffer(width, height, 3);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = colour(x, y);
                var p = pixels.IndexOf(x, y);
                pixels.Data[p] = (byte)Math.Round(r);
                pixels.Data[p + 1] = (byte)Math.Round(g);
                pixels.Data[p + 2] = (byte)Math.Round(b);
            }
        }

        return pixels.ToImage();
    }

    private static double AngleBetween(double first, double second)
    {
        var difference = Math.Abs(first - second) % 360;
        return Math.Min(difference, 360 - difference);
    }
}
