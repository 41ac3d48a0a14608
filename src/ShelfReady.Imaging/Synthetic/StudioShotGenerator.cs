using NetVips;

namespace ShelfReady.Imaging.Synthetic;

/// <summary>
/// Deterministic synthetic studio shots with ground truth, for tests, benchmarks and demos: products of varied
/// shapes, colours and materials (including chains, fur, glass and near-background colours) on white to
/// light-grey backdrops, gradients and vignettes, with contact shadows, sensor noise and optional JPEG.
/// </summary>
public static class StudioShotGenerator
{
    private static readonly BackgroundKind[] Backgrounds = Enum.GetValues<BackgroundKind>();

    /// <summary>Product categories the generator knows.</summary>
    public static IReadOnlyList<string> Categories => ProductCatalog.Names;

    /// <summary>Renders one shot. The same spec gives identical pixels.</summary>
    public static StudioShot Generate(StudioShotSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var random = new SplitMix(SplitMix.Mix((ulong)(uint)spec.Seed, 0x5EED));
        var category = spec.Category ?? random.Pick(ProductCatalog.For(spec.Complexity));
        var contrast = DrawContrast(spec.Complexity, random);
        var kind = spec.Background ?? random.Pick(Backgrounds);
        var backdrop = Backdrop.Create(kind, random, spec.Width, spec.Height);

        var size = Math.Min(spec.Width, spec.Height);
        var cx = spec.Width * (float)random.Range(0.45, 0.55);
        var cy = spec.Height * (float)random.Range(0.46, 0.54);
        var reach = (int)(size * 0.2);
        var local = backdrop.Mean((int)cx - reach, (int)cy - reach, (int)cx + reach, (int)cy + reach);
        var colour = Palette.Pick(random, local, contrast);
        var strokes = ProductCatalog.Build(category, new ProductContext(random, cx, cy, size, colour, contrast));
        var layer = ProductLayer.Rasterize(strokes, spec.Width, spec.Height);

        var shade = ShotRenderer.Shade(layer, random, spec.Width, spec.Height, spec.ContactShadow);
        var (photo, alpha) = ShotRenderer.Render(backdrop, layer, shade, spec.NoiseSigma, random, spec.Width, spec.Height);
        if (spec.JpegQuality is { } quality)
        {
            photo = JpegRoundTrip(photo, quality);
        }

        var (productMean, under) = ShotRenderer.MeanColours(layer, backdrop);
        var complexity = ProductCatalog.ComplexityOf(category);
        if (contrast != ColourContrast.High && complexity == ProductComplexity.Simple)
        {
            complexity = ProductComplexity.Medium;
        }

        var labels = new StudioShotLabels(
            category,
            complexity,
            kind,
            productMean,
            backdrop.Mean(0, 0, spec.Width, spec.Height),
            ShotRenderer.DeltaE(productMean, under));
        return new StudioShot(spec, photo, alpha, labels);
    }

    /// <summary>
    /// Lazily renders <paramref name="count"/> shots split by <paramref name="mix"/>, in a seeded order. Each
    /// shot must be disposed by the caller. Sizes, noise, JPEG and shadows come from <paramref name="template"/>.
    /// </summary>
    public static IEnumerable<StudioShot> GenerateSet(int count, ComplexityMix mix, int seed, StudioShotSpec? template = null)
    {
        ArgumentNullException.ThrowIfNull(mix);
        var counts = mix.Split(count);
        var complexities = Enum.GetValues<ProductComplexity>().SelectMany((c, i) => Enumerable.Repeat(c, counts[i])).ToArray();
        var random = new SplitMix(SplitMix.Mix((ulong)(uint)seed, 0x5E7));
        for (var i = complexities.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (complexities[i], complexities[j]) = (complexities[j], complexities[i]);
        }

        var baseSpec = template ?? new StudioShotSpec();
        return complexities.Select((complexity, i) => Generate(baseSpec with
        {
            Seed = unchecked((int)SplitMix.Mix((ulong)(uint)seed, (ulong)i + 1)),
            Complexity = complexity,
            Category = null,
        }));
    }

    /// <summary>Medium products get a moderate or close colour match half of the time; the rest contrast well.</summary>
    private static ColourContrast DrawContrast(ProductComplexity complexity, SplitMix random)
    {
        if (complexity != ProductComplexity.Medium)
        {
            return ColourContrast.High;
        }

        var draw = random.NextDouble();
        return draw < 0.5 ? ColourContrast.High : draw < 0.75 ? ColourContrast.Moderate : ColourContrast.Close;
    }

    private static Image JpegRoundTrip(Image photo, int quality)
    {
        using (photo)
        {
            var bytes = photo.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.None);
            using var decoded = Image.NewFromBuffer(bytes);
            return decoded.CopyMemory();
        }
    }
}
