using System.Globalization;
using NetVips;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Inference.Segmentation;
using ShelfReady.Inference.Tests.Support;

namespace ShelfReady.Inference.Tests.Segmentation;

public sealed class MaskRefinerTests
{
    [Theory]
    [InlineData("electronics", 31)]
    [InlineData("books", 32)]
    [InlineData("toys", 33)]
    [InlineData("home", 34)]
    public void Refine_PerfectLowResolutionMask_BeatsBilinearAtTheEdges(string category, int seed)
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 1200, Height = 900, Seed = seed, Category = category, NoiseSigma = 1 });

        // What an ideal 320² model would return: the ground truth at the model's resolution.
        using var low = shot.Alpha.Resize(320.0 / 1200, vscale: 320.0 / 900);
        using var bilinear = low.Resize(1200.0 / low.Width, kernel: Enums.Kernel.Linear, vscale: 900.0 / low.Height);
        using var refined = MaskRefiner.Refine(low, shot.Photo);

        var band = EdgeBand(shot.Alpha, radius: 8);
        var bilinearError = MeanAbsoluteError(bilinear, shot.Alpha, band);
        var refinedError = MeanAbsoluteError(refined, shot.Alpha, band);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{category}: edge-band MAE bilinear {bilinearError:F2}, refined {refinedError:F2} (of 255)"));

        Assert.True(refinedError < bilinearError * 0.6, $"refined {refinedError} vs bilinear {bilinearError}");
    }

    [Theory]
    [InlineData("electronics", 31)]
    [InlineData("books", 32)]
    public void Refine_HighContrastProduct_GuideBeatsSteepeningAlone(string category, int seed)
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 1200, Height = 900, Seed = seed, Category = category, NoiseSigma = 1 });
        using var low = shot.Alpha.Resize(320.0 / 1200, vscale: 320.0 / 900);
        using var bilinear = low.Resize(1200.0 / low.Width, kernel: Enums.Kernel.Linear, vscale: 900.0 / low.Height);
        var contrast = new MaskRefinerOptions().EdgeContrast;
        using var steepFloat = (((bilinear.Cast(Enums.BandFormat.Float) - 127.5) * contrast) + 127.5).Clamp(0, 255);
        using var steep = steepFloat.Cast(Enums.BandFormat.Uchar);
        using var refined = MaskRefiner.Refine(low, shot.Photo);

        var band = EdgeBand(shot.Alpha, radius: 8);

        // Steepening the up-sampled mask does much of the work; the photo's guidance must still add to it.
        Assert.True(MeanAbsoluteError(refined, shot.Alpha, band) < MeanAbsoluteError(steep, shot.Alpha, band) * 0.9);
    }

    [Fact]
    public void Refine_OddTarget_ReturnsOneBandUcharOfThatSize()
    {
        using var rgb = TestImages.Uniform(1001, 777, 240, 240, 240);
        using var low = Image.Black(320, 320).Cast(Enums.BandFormat.Uchar);

        using var refined = MaskRefiner.Refine(low, rgb);

        Assert.Equal((1001, 777, 1, Enums.BandFormat.Uchar), (refined.Width, refined.Height, refined.Bands, refined.Format));
        Assert.Equal(0, refined.Max());
    }

    [Fact]
    public void Refine_SolidMask_StaysSolid()
    {
        var (rgb, _) = TestImages.Random(300, 200, 1);
        using (rgb)
        {
            using var black = Image.Black(64, 64);
            using var low = (black + 255).Cast(Enums.BandFormat.Uchar);

            using var refined = MaskRefiner.Refine(low, rgb);

            Assert.Equal(255, refined.Min());
        }
    }

    [Theory]
    [InlineData(-1, 1e-3, 0)]
    [InlineData(4, 0, 0)]
    [InlineData(4, 1e-3, 65)]
    [InlineData(4, 1e-3, 0, 0.5)]
    public void Validate_OutOfRange_Throws(int radius, double epsilon, int subsample, double edgeContrast = 4)
    {
        var options = new MaskRefinerOptions { Radius = radius, Epsilon = epsilon, Subsample = subsample, EdgeContrast = edgeContrast };

        Assert.Throws<ArgumentException>(options.Validate);
    }

    /// <summary>Pixels within <paramref name="radius"/> of the true edge: where up-sampling can go wrong.</summary>
    private static bool[] EdgeBand(Image alpha, int radius)
    {
        using var binary = alpha >= 128;
        using var mask = Image.NewFromArray(new double[(2 * radius) + 1, (2 * radius) + 1], 1, 0) + 255;
        using var dilated = binary.Morph(mask, Enums.OperationMorphology.Dilate);
        using var eroded = binary.Morph(mask, Enums.OperationMorphology.Erode);
        var outer = dilated.WriteToMemory<byte>();
        var inner = eroded.WriteToMemory<byte>();
        return [.. outer.Zip(inner, (o, i) => o != i)];
    }

    private static double MeanAbsoluteError(Image matte, Image truth, bool[] band)
    {
        var a = matte.WriteToMemory<byte>();
        var b = truth.WriteToMemory<byte>();
        double sum = 0;
        var count = 0;
        for (var i = 0; i < band.Length; i++)
        {
            if (band[i])
            {
                sum += Math.Abs(a[i] - b[i]);
                count++;
            }
        }

        return sum / count;
    }
}
