using NetVips;
using ShelfReady.Imaging.Color;
using ShelfReady.Imaging.Quality;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Measures the reference composite (border whiteness, stray off-white pixels, edge halo, fill), the matte
/// against the source photo (lost product, kept backdrop, bites, holes, frame contact) and the product's colour
/// against the source, and scores it.
/// </summary>
public sealed class QualityCheckActivity(IBlobStore store) : Activity<QualityCheckInput, QcResult>
{
    // Colour is compared on the product's interior: mean colour needs no resolution, and edges are the
    // edge score's business.
    private const int ColorSampleLongSide = 768;
    private const int InteriorErosion = 7;

    /// <inheritdoc />
    public override async Task<QcResult> RunAsync(ActivityContext context, QualityCheckInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var token = context.CancellationToken;
        using var composite = await WorkImages.ReadAsync(store, input.Composite.Composite, token).ConfigureAwait(false);
        using var compositeMask = await WorkImages.ReadAsync(store, input.Composite.CompositeMask, token).ConfigureAwait(false);
        using var master = await WorkImages.ReadAsync(store, input.Master, token).ConfigureAwait(false);
        using var mask = await WorkImages.ReadAsync(store, input.Mask, token).ConfigureAwait(false);

        var background = BackgroundCompliance.Measure(composite, compositeMask);
        var edge = EdgeQuality.Measure(composite, compositeMask);
        var gains = (input.Composite.GainR, input.Composite.GainG, input.Composite.GainB);
        var deltaE = ColorMath.DeltaE2000(ApplyGains(InteriorMean(master, mask), gains), ToLab(InteriorMean(composite, compositeMask)));
        var measured = new QcMeasurements(
            background.PassingShare,
            background.NonWhiteOutsideProduct ?? 0,
            edge.Score,
            input.Composite.Fill,
            input.TargetFill,
            deltaE,
            CutoutInspector.Inspect(master, mask).Defects,
            ProductRegion(mask));
        return QcScorer.Score(measured, input.Thresholds);
    }

    private static QcRegion ProductRegion(Image mask)
    {
        var bounds = FillRatio.FindBounds(mask);
        return new QcRegion(bounds.Left, bounds.Top, Math.Max(1, bounds.Width), Math.Max(1, bounds.Height));
    }

    private static (double R, double G, double B) InteriorMean(Image rgb, Image matte)
    {
        var scale = Math.Min(1.0, (double)ColorSampleLongSide / Math.Max(rgb.Width, rgb.Height));
        using var small = rgb.Resize(scale);
        using var smallMatte = matte.Resize(scale);
        using var solid = smallMatte >= 250;
        using var interior = solid.Rank(InteriorErosion, InteriorErosion, 0);
        using var weight = interior / 255.0;
        var area = weight.Avg();
        if (area <= 0)
        {
            return (0, 0, 0);
        }

        var mean = new double[3];
        for (var band = 0; band < 3; band++)
        {
            using var plane = small.ExtractBand(band);
            using var weighted = plane * weight;
            mean[band] = weighted.Avg() / area;
        }

        return (mean[0], mean[1], mean[2]);
    }

    private static Lab ApplyGains((double R, double G, double B) srgb, (double R, double G, double B) gains) =>
        ToLab((Gain(srgb.R, gains.R), Gain(srgb.G, gains.G), Gain(srgb.B, gains.B)));

    private static double Gain(double value, double gain)
    {
        var linear = ColorMath.SrgbToLinear((byte)Math.Clamp(Math.Round(value), 0, 255)) * gain;
        var encoded = linear <= 0.0031308 ? linear * 12.92 : (1.055 * Math.Pow(linear, 1 / 2.4)) - 0.055;
        return Math.Clamp(encoded * 255, 0, 255);
    }

    private static Lab ToLab((double R, double G, double B) srgb) =>
        ColorMath.ToLab(ToByte(srgb.R), ToByte(srgb.G), ToByte(srgb.B));

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
