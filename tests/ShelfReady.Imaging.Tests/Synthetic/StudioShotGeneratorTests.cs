using NetVips;
using ShelfReady.Imaging.Pixels;
using ShelfReady.Imaging.Synthetic;

namespace ShelfReady.Imaging.Tests.Synthetic;

public sealed class StudioShotGeneratorTests
{
    private static readonly Dictionary<ProductComplexity, string[]> CategoriesOf = new()
    {
        [ProductComplexity.Simple] = ["electronics", "books", "home", "toys"],
        [ProductComplexity.Medium] = ["cosmetics_tube", "footwear", "apparel"],
        [ProductComplexity.Complex] = ["jewelry", "fur", "glassware"],
    };

    [Theory]
    [InlineData(ProductComplexity.Simple, null)]
    [InlineData(ProductComplexity.Medium, 85)]
    [InlineData(ProductComplexity.Complex, null)]
    public void Generate_SameSpec_IdenticalBytes(ProductComplexity complexity, int? jpegQuality)
    {
        var spec = new StudioShotSpec { Width = 900, Height = 700, Seed = 42, Complexity = complexity, JpegQuality = jpegQuality };

        using var first = StudioShotGenerator.Generate(spec);
        using var second = StudioShotGenerator.Generate(spec);

        Assert.Equal(PixelBuffer.From(first.Photo).Data, PixelBuffer.From(second.Photo).Data);
        Assert.Equal(PixelBuffer.From(first.Alpha).Data, PixelBuffer.From(second.Alpha).Data);
        Assert.Equal(first.ToJpeg(), second.ToJpeg());
        Assert.Equal(first.Labels, second.Labels);
    }

    [Fact]
    public void Generate_DifferentSeeds_DifferentPixels()
    {
        using var first = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 1 });
        using var second = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 2 });

        Assert.NotEqual(PixelBuffer.From(first.Photo).Data, PixelBuffer.From(second.Photo).Data);
    }

    [Theory]
    [InlineData(800, 800)]
    [InlineData(1200, 900)]
    [InlineData(700, 1100)]
    [InlineData(6000, 4000)]
    public void Generate_RequestedSize_PhotoAndAlphaHaveIt(int width, int height)
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = width, Height = height, Seed = 7 });

        Assert.Equal((width, height, 3, Enums.BandFormat.Uchar), (shot.Photo.Width, shot.Photo.Height, shot.Photo.Bands, shot.Photo.Format));
        Assert.Equal((width, height, 1, Enums.BandFormat.Uchar), (shot.Alpha.Width, shot.Alpha.Height, shot.Alpha.Bands, shot.Alpha.Format));
        Assert.Equal(Enums.Interpretation.Srgb, shot.Photo.Interpretation);
    }

    [Theory]
    [InlineData(ProductComplexity.Simple)]
    [InlineData(ProductComplexity.Medium)]
    [InlineData(ProductComplexity.Complex)]
    public void Generate_RequestedComplexity_LabelsMatch(ProductComplexity complexity)
    {
        for (var seed = 0; seed < 12; seed++)
        {
            using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 640, Height = 480, Seed = seed, Complexity = complexity });

            Assert.Equal(complexity, shot.Labels.Complexity);
            Assert.Contains(shot.Labels.Category, CategoriesOf[complexity]);
        }
    }

    [Fact]
    public void Generate_ExplicitCategory_IsDrawn()
    {
        foreach (var category in StudioShotGenerator.Categories)
        {
            using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 640, Height = 480, Seed = 3, Category = category, Background = BackgroundKind.LightGrey });

            Assert.Equal(category, shot.Labels.Category);
            Assert.Equal(BackgroundKind.LightGrey, shot.Labels.Background);
        }
    }

    [Fact]
    public void Generate_SimpleProduct_HardEdgeWithAntiAliasedRim()
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 11, Category = "electronics" });
        var alpha = PixelBuffer.From(shot.Alpha).Data;

        var opaque = alpha.Count(a => a == 255);
        var partial = alpha.Count(a => a is > 0 and < 255);

        Assert.True(opaque > alpha.Length / 20, $"product covers {opaque} px");
        Assert.InRange(partial, 100, opaque / 20);
    }

    [Fact]
    public void Generate_Glassware_GroundTruthIsPartialInside()
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 5, Category = "glassware" });
        var alpha = PixelBuffer.From(shot.Alpha).Data;

        var covered = alpha.Count(a => a > 0);
        var translucent = alpha.Count(a => a is >= 30 and <= 110);

        Assert.True(translucent > covered / 2, $"{translucent} of {covered} covered pixels are translucent");
    }

    [Fact]
    public void Generate_ContactShadow_DarkensBackgroundButNotGroundTruth()
    {
        var spec = new StudioShotSpec { Seed = 9, Category = "home", Background = BackgroundKind.White, NoiseSigma = 0 };
        using var withShadow = StudioShotGenerator.Generate(spec);
        using var without = StudioShotGenerator.Generate(spec with { ContactShadow = false });
        var alpha = PixelBuffer.From(withShadow.Alpha).Data;
        var shaded = PixelBuffer.From(withShadow.Photo).Data;
        var plain = PixelBuffer.From(without.Photo).Data;

        var darkenedBackground = Enumerable.Range(0, alpha.Length).Count(i => alpha[i] == 0 && shaded[i * 3] + 10 < plain[i * 3]);

        Assert.Equal(alpha, PixelBuffer.From(without.Alpha).Data);
        Assert.True(darkenedBackground > 500, $"{darkenedBackground} background pixels in shadow");
    }

    [Fact]
    public void Generate_MediumSet_IncludesProductsWithinDeltaE10OfBackground()
    {
        var deltas = new List<double>();
        foreach (var shot in StudioShotGenerator.GenerateSet(24, ComplexityMix.OnlyMedium, 3, new StudioShotSpec { Width = 640, Height = 480 }))
        {
            using (shot)
            {
                deltas.Add(shot.Labels.ProductBackgroundDeltaE);
            }
        }

        Assert.Contains(deltas, d => d < 10);
        Assert.All(deltas, d => Assert.True(d > 4, $"ΔE {d:F1}"));
    }

    [Fact]
    public void Generate_WithNoise_PixelsVaryOnFlatBackground()
    {
        using var noisy = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 4, Background = BackgroundKind.LightGrey, NoiseSigma = 4 });
        using var clean = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 4, Background = BackgroundKind.LightGrey, NoiseSigma = 0 });

        Assert.True(RowSpread(noisy.Photo) > 2.5);
        Assert.True(RowSpread(clean.Photo) < 0.5);
    }

    [Fact]
    public void Generate_JpegRoundTrip_ChangesPixelsButKeepsSize()
    {
        var spec = new StudioShotSpec { Seed = 8, NoiseSigma = 0 };
        using var raw = StudioShotGenerator.Generate(spec);
        using var compressed = StudioShotGenerator.Generate(spec with { JpegQuality = 60 });

        Assert.Equal((raw.Photo.Width, raw.Photo.Height), (compressed.Photo.Width, compressed.Photo.Height));
        Assert.NotEqual(PixelBuffer.From(raw.Photo).Data, PixelBuffer.From(compressed.Photo).Data);
    }

    [Fact]
    public void ToJpeg_Shot_DecodesToSamePicture()
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 10 });

        var bytes = shot.ToJpeg(95);
        using var decoded = Image.NewFromBuffer(bytes);

        Assert.Equal(new byte[] { 0xFF, 0xD8 }, bytes[..2]);
        Assert.Equal((shot.Photo.Width, shot.Photo.Height, 3), (decoded.Width, decoded.Height, decoded.Bands));
        using var difference = (decoded - shot.Photo).Abs();
        Assert.True(difference.Avg() < 2, $"mean error {difference.Avg():F2}");
    }

    [Fact]
    public void GenerateSet_Mix_HonoursCountsAndIsDeterministic()
    {
        var template = new StudioShotSpec { Width = 320, Height = 240 };
        var first = Labels(StudioShotGenerator.GenerateSet(20, ComplexityMix.Catalogue, 99, template));
        var second = Labels(StudioShotGenerator.GenerateSet(20, ComplexityMix.Catalogue, 99, template));

        Assert.Equal(first, second);
        Assert.Equal(12, first.Count(l => l.Complexity == ProductComplexity.Simple));
        Assert.Equal(6, first.Count(l => l.Complexity == ProductComplexity.Medium));
        Assert.Equal(2, first.Count(l => l.Complexity == ProductComplexity.Complex));
    }

    [Theory]
    [InlineData(10, 100)]
    [InlineData(100, 9000)]
    public void Generate_InvalidSize_Throws(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudioShotGenerator.Generate(new StudioShotSpec { Width = width, Height = height }));
    }

    [Fact]
    public void Generate_UnknownCategory_Throws()
    {
        Assert.Throws<ArgumentException>(() => StudioShotGenerator.Generate(new StudioShotSpec { Category = "spaceships" }));
    }

    private static List<Imaging.Synthetic.StudioShotLabels> Labels(IEnumerable<StudioShot> shots)
    {
        var labels = new List<Imaging.Synthetic.StudioShotLabels>();
        foreach (var shot in shots)
        {
            using (shot)
            {
                labels.Add(shot.Labels);
            }
        }

        return labels;
    }

    /// <summary>Standard deviation of the red channel along the top row, which is plain backdrop.</summary>
    private static double RowSpread(Image photo)
    {
        using var row = photo.Crop(0, 0, photo.Width, 1);
        var data = PixelBuffer.From(row).Data;
        var reds = Enumerable.Range(0, photo.Width).Select(x => (double)data[x * 3]).ToArray();
        var mean = reds.Average();
        return Math.Sqrt(reds.Average(r => (r - mean) * (r - mean)));
    }
}
