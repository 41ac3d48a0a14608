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
    [InlineData("toys", 33)]
    [InlineData("home", 34)]
    public void Refine_StudioShot_GuideBeatsSteepeningAlone(string category, int seed)
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 1200, Height = 900, Seed = seed, Category = category, NoiseSigma = 1 });
        using var low = shot.Alpha.Resize(320.0 / 1200, vscale: 320.0 / 900);
        using var refined = MaskRefiner.Refine(low, shot.Photo);

        var band = EdgeBand(shot.Alpha, radius: 8);

        // Steepening the up-sampled mask does much of the work; the photo's guidance must still add to it.
        using var steepened = Steepened(low, 1200, 900);
        Assert.True(MeanAbsoluteError(refined, shot.Alpha, band) < MeanAbsoluteError(steepened, shot.Alpha, band) * 0.9);
    }

    [Fact]
    public void Refine_EdgeOfHueAlone_KeepsTheEdge()
    {
        // A disc as bright as its grey backdrop (Rec. 709 luma 200) that differs only in hue. A brightness-only
        // guide sees no edge here and smears the matte (edge-band error 58.9 of 255 when this refiner used one);
        // the colour guide keeps it as sharp as the steepened up-sampling of a perfect mask.
        using var canvas = Image.Black(1200, 900);
        using var disc = canvas.Mutate(m => m.DrawCircle([255.0], 600, 450, 300, fill: true));
        using var truth = disc.Cast(Enums.BandFormat.Uchar);
        using var photo = (truth > 0).Ifthenelse(new double[] { 150, 215, 200 }, new double[] { 200, 200, 200 }).Cast(Enums.BandFormat.Uchar);
        using var low = truth.Resize(320.0 / 1200, vscale: 320.0 / 900);

        using var refined = MaskRefiner.Refine(low, photo);

        var band = EdgeBand(truth, radius: 8);
        using var steepened = Steepened(low, 1200, 900);
        Assert.True(MeanAbsoluteError(refined, truth, band) < MeanAbsoluteError(steepened, truth, band) * 1.2);
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

    /// <summary>The up-sampled mask with the refiner's edge steepening and no guidance: the baseline to beat.</summary>
    private static Image Steepened(Image low, int width, int height)
    {
        using var bilinear = low.Resize(width / (double)low.Width, kernel: Enums.Kernel.Linear, vscale: height / (double)low.Height);
        var contrast = new MaskRefinerOptions().EdgeContrast;
        using var steep = (((bilinear.Cast(Enums.BandFormat.Float) - 127.5) * contrast) + 127.5).Clamp(0, 255);
        return steep.Cast(Enums.BandFormat.Uchar);
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
