using NetVips;
using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Quality;

/// <summary>
/// Edge quality of a cut-out on white: how far the outline departs from an ideal blend of product and white.
/// </summary>
/// <remarks>
/// Two parts. Soft matte pixels (0 &lt; α &lt; 255): the ideal value is αF + (1 − α)·255, F the mean of the
/// opaque product pixels nearby; an old background B left in the edge deviates by α(1 − α)(B − F), a grey or
/// tinted fringe. Soft pixels with no opaque pixel nearby are skipped (F unknown). The ring of α = 0 pixels up
/// to <see cref="EdgeQualityOptions.OuterRingWidth"/> outside the matte: the ideal is white, so any ring or
/// stray pixel just outside the product deviates. The halo score is the larger mean deviation over the
/// tolerance, clamped to 0–1.
/// </remarks>
public static class EdgeQuality
{
    /// <summary>Measures the edge band of a composite.</summary>
    /// <param name="composite">3-band uchar sRGB image on white.</param>
    /// <param name="matte">1-band uchar matte aligned with it.</param>
    /// <param name="options">Settings; null means defaults.</param>
    public static EdgeQualityResult Measure(Image composite, Image matte, EdgeQualityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(composite);
        ArgumentNullException.ThrowIfNull(matte);
        options ??= new EdgeQualityOptions();
        options.Validate();
        if (composite.Bands != 3 || matte.Bands != 1
            || composite.Width != matte.Width || composite.Height != matte.Height)
        {
            throw new ArgumentException("Expected a 3-band image and a 1-band matte of the same size.", nameof(matte));
        }

        var bounds = FillRatio.FindBounds(matte, 1);
        if (bounds.IsEmpty)
        {
            return EdgeQualityResult.Empty;
        }

        // Only the product's surroundings can hold band pixels; read just that region.
        var margin = options.OuterRingWidth + options.InteriorSearchRadius;
        var (left, top) = (Math.Max(0, bounds.Left - margin), Math.Max(0, bounds.Top - margin));
        var width = Math.Min(composite.Width, bounds.Left + bounds.Width + margin) - left;
        var height = Math.Min(composite.Height, bounds.Top + bounds.Height + margin) - top;
        using var rgbRegion = composite.Crop(left, top, width, height);
        using var alphaRegion = matte.Crop(left, top, width, height);
        var rgb = PixelBuffer.From(rgbRegion);
        var alpha = PixelBuffer.From(alphaRegion);
        return Accumulate(rgb, alpha, OuterRing(alpha, options.OuterRingWidth), options);
    }

    private static EdgeQualityResult Accumulate(
        PixelBuffer rgb, PixelBuffer alpha, bool[] ring, EdgeQualityOptions options)
    {
        var (softCount, ringCount, absolute, signed, fringe, ringSum) = (0, 0, 0.0, 0.0, 0.0, 0.0);
        Span<double> product = stackalloc double[3];
        var opaque = new OpaqueWindowMeans(rgb, alpha, options.InteriorSearchRadius);
        for (var y = 0; y < alpha.Height; y++)
        {
            for (var x = 0; x < alpha.Width; x++)
            {
                var i = (y * alpha.Width) + x;
                if (ring[i])
                {
                    ringSum += (765 - rgb.Data[i * 3] - rgb.Data[(i * 3) + 1] - rgb.Data[(i * 3) + 2]) / 3.0;
                    ringCount++;
                }
                else if (alpha.Data[i] is > 0 and < 255 && opaque.TryMean(x, y, product))
                {
                    var deviation = SoftDeviation(rgb.Data.AsSpan(i * 3, 3), alpha.Data[i] / 255.0, product);
                    absolute += deviation.Absolute;
                    signed += deviation.Signed;
                    fringe += deviation.Fringe;
                    softCount++;
                }
            }
        }

        var fringeDeviation = softCount == 0 ? 0 : fringe / softCount;
        var ringDeviation = ringCount == 0 ? 0 : ringSum / ringCount;
        return new EdgeQualityResult(
            softCount,
            ringCount,
            softCount == 0 ? 0 : absolute / softCount,
            softCount == 0 ? 0 : signed / softCount,
            fringeDeviation,
            ringDeviation,
            Math.Clamp(Math.Max(fringeDeviation, ringDeviation) / options.ToleranceLevels, 0, 1));
    }

    // The residual from the ideal blend, split in two. Its positive part along (white − product) is what a
    // matte slightly wider than the real edge produces: the pixel is just closer to white than α says, which
    // on a white page reads as anti-aliasing. Everything else — a pull towards a grey or tinted backdrop,
    // or towards dark — is fringe. Contamination by a backdrop B adds α(1 − α)(B − F), which leaves that line
    // unless the backdrop is itself on it.
    private static (double Absolute, double Signed, double Fringe) SoftDeviation(
        ReadOnlySpan<byte> actual, double a, ReadOnlySpan<double> product)
    {
        Span<double> residual = stackalloc double[3];
        Span<double> towardsWhite = stackalloc double[3];
        var (absolute, signed, length) = (0.0, 0.0, 0.0);
        for (var c = 0; c < 3; c++)
        {
            residual[c] = actual[c] - ((a * product[c]) + ((1 - a) * 255));
            absolute += Math.Abs(residual[c]) / 3;
            signed += residual[c] / 3;
            towardsWhite[c] = 255 - product[c];
            length += towardsWhite[c] * towardsWhite[c];
        }

        length = Math.Sqrt(length);
        var along = 0.0;
        for (var c = 0; c < 3 && length > 1; c++)
        {
            along += residual[c] * towardsWhite[c] / length;
        }

        var fringe = 0.0;
        for (var c = 0; c < 3; c++)
        {
            var remainder = residual[c] - (along > 0 && length > 1 ? along * towardsWhite[c] / length : 0);
            fringe += remainder * remainder;
        }

        return (absolute, signed, Math.Sqrt(fringe / 3));
    }

    private static bool[] OuterRing(PixelBuffer alpha, int width)
    {
        var ring = new bool[alpha.PixelCount];
        for (var y = 0; y < alpha.Height && width > 0; y++)
        {
            for (var x = 0; x < alpha.Width; x++)
            {
                if (alpha.Data[(y * alpha.Width) + x] > 0 && TouchesBackground(alpha, x, y))
                {
                    MarkBackgroundAround(alpha, ring, x, y, width);
                }
            }
        }

        return ring;
    }

    private static bool TouchesBackground(PixelBuffer alpha, int x, int y) =>
        (x > 0 && alpha.Data[alpha.IndexOf(x - 1, y)] == 0)
        || (x + 1 < alpha.Width && alpha.Data[alpha.IndexOf(x + 1, y)] == 0)
        || (y > 0 && alpha.Data[alpha.IndexOf(x, y - 1)] == 0)
        || (y + 1 < alpha.Height && alpha.Data[alpha.IndexOf(x, y + 1)] == 0);

    private static void MarkBackgroundAround(PixelBuffer alpha, bool[] ring, int x, int y, int width)
    {
        for (var ny = Math.Max(0, y - width); ny <= Math.Min(alpha.Height - 1, y + width); ny++)
        {
            for (var nx = Math.Max(0, x - width); nx <= Math.Min(alpha.Width - 1, x + width); nx++)
            {
                var n = alpha.IndexOf(nx, ny);
                ring[n] |= alpha.Data[n] == 0;
            }
        }
    }
}
