using NetVips;
using ShelfReady.Imaging.Color;
using ShelfReady.Imaging.Pixels;
using ShelfReady.Imaging.Quality;

namespace ShelfReady.Pipeline.Quality;

/// <summary>
/// Takes every QC measurement of one cut-out: the reference composite (border whiteness, stray off-white pixels,
/// edge halo, fill), the matte against the source photo (<see cref="CutoutInspector"/>) and the product's
/// colour in the composite against the source.
/// </summary>
public static class QcMeasurer
{
    // Colour is compared on the product's interior: mean colour needs no resolution, and edges are the
    // edge score's business.
    private const int ColorSampleLongSide = 768;
    private const int InteriorErosion = 7;
    private const byte SolidAlpha = 250;

    /// <summary>Measures a cut-out.</summary>
    /// <param name="master">The source photo, 3-band uchar sRGB.</param>
    /// <param name="mask">The matte being judged, 1-band uchar at the master's size.</param>
    /// <param name="composite">The reference composite on white.</param>
    /// <param name="compositeMask">The matte as placed on the composite.</param>
    /// <param name="gains">The linear-light white-balance gains the composite applied.</param>
    /// <param name="fill">The composite's measured fill.</param>
    /// <param name="targetFill">The fill asked for.</param>
    public static QcMeasurements Measure(Image master, Image mask, Image composite, Image compositeMask, (double R, double G, double B) gains, double fill, double targetFill)
    {
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(composite);
        ArgumentNullException.ThrowIfNull(compositeMask);
        // The composite is read once for the border and the edge: a libvips image recomputes its pipeline on every read.
        var compositePixels = PixelBuffer.From(composite);
        var compositeAlpha = PixelBuffer.From(compositeMask);
        var background = BackgroundCompliance.Measure(compositePixels, compositeAlpha);
        var edge = EdgeQuality.Measure(compositePixels, compositeAlpha);
        var deltaE = ColorMath.DeltaE2000(ApplyGains(InteriorMean(master, mask), gains), ToLab(InteriorMean(composite, compositeMask)));
        return new QcMeasurements(
            background.PassingShare,
            background.NonWhiteOutsideProduct ?? 0,
            edge.Score,
            fill,
            targetFill,
            deltaE,
            CutoutInspector.Inspect(master, mask).Defects,
            ProductRegion(mask));
    }

    private static QcRegion ProductRegion(Image mask)
    {
        var bounds = FillRatio.FindBounds(mask);
        return new QcRegion(bounds.Left, bounds.Top, Math.Max(1, bounds.Width), Math.Max(1, bounds.Height));
    }

    private static (double R, double G, double B) InteriorMean(Image rgb, Image matte)
    {
        // A box shrink is itself a mean, at a fraction of a resampling kernel's cost on a 12 MP photo.
        var shrink = Math.Max(1, (int)Math.Ceiling((double)Math.Max(rgb.Width, rgb.Height) / ColorSampleLongSide));
        using var small = rgb.Shrink(shrink, shrink);
        using var smallMatte = matte.Shrink(shrink, shrink);

        // One pass over each pipeline: libvips recomputes the shrink for every pass. The interior is the solid
        // matte eroded by a square, that is every pixel with no unsolid one within the square's half side: the
        // same pixels as a libvips rank (minimum) filter, which cost more than the shrinks on the small image.
        var pixels = PixelBuffer.From(small);
        var nearEdge = SquareDilation.OfRange(PixelBuffer.From(smallMatte), 0, SolidAlpha - 1, InteriorErosion / 2);
        var (r, g, b, count) = (0L, 0L, 0L, 0L);
        for (var i = 0; i < nearEdge.Length; i++)
        {
            if (nearEdge[i] == 0)
            {
                (r, g, b, count) = (r + pixels.Data[3 * i], g + pixels.Data[(3 * i) + 1], b + pixels.Data[(3 * i) + 2], count + 1);
            }
        }

        return count == 0 ? (0, 0, 0) : ((double)r / count, (double)g / count, (double)b / count);
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
