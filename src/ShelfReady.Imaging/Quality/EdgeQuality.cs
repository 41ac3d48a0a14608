using System.Numerics;
using System.Runtime.InteropServices;
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
        if (composite.Bands != 3 || matte.Bands != 1 || composite.Width != matte.Width || composite.Height != matte.Height)
        {
            throw new ArgumentException("Expected a 3-band image and a 1-band matte of the same size.", nameof(matte));
        }

        var bounds = FillRatio.FindBounds(matte, 1);
        if (bounds.IsEmpty)
        {
            return EdgeQualityResult.Empty;
        }

        // Only the product's surroundings can hold band pixels; read just that region.
        var (left, top, width, height) = BandRegion(bounds, composite.Width, composite.Height, options);
        using var rgbRegion = composite.Crop(left, top, width, height);
        using var alphaRegion = matte.Crop(left, top, width, height);
        return MeasureRegion(PixelBuffer.From(rgbRegion), PixelBuffer.From(alphaRegion), options);
    }

    /// <summary>Measures the edge band of a composite already in memory, for callers that read it once for several measurements.</summary>
    /// <param name="composite">3-band sRGB samples on white.</param>
    /// <param name="matte">1-band matte of the same size.</param>
    /// <param name="options">Settings; null means defaults.</param>
    public static EdgeQualityResult Measure(PixelBuffer composite, PixelBuffer matte, EdgeQualityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(composite);
        ArgumentNullException.ThrowIfNull(matte);
        options ??= new EdgeQualityOptions();
        options.Validate();
        if (composite.Bands != 3 || matte.Bands != 1 || composite.Width != matte.Width || composite.Height != matte.Height)
        {
            throw new ArgumentException("Expected a 3-band image and a 1-band matte of the same size.", nameof(matte));
        }

        var bounds = FillRatio.FindBounds(matte.Data, matte.Width, matte.Height, 1);
        if (bounds.IsEmpty)
        {
            return EdgeQualityResult.Empty;
        }

        var (left, top, width, height) = BandRegion(bounds, composite.Width, composite.Height, options);
        return MeasureRegion(composite.Crop(left, top, width, height), matte.Crop(left, top, width, height), options);
    }

    /// <summary>The product's bounds widened by the ring and the colour search, clipped to the canvas.</summary>
    private static (int Left, int Top, int Width, int Height) BandRegion(
        ProductBounds bounds, int canvasWidth, int canvasHeight, EdgeQualityOptions options)
    {
        var margin = options.OuterRingWidth + options.InteriorSearchRadius;
        var (left, top) = (Math.Max(0, bounds.Left - margin), Math.Max(0, bounds.Top - margin));
        var width = Math.Min(canvasWidth, bounds.Left + bounds.Width + margin) - left;
        var height = Math.Min(canvasHeight, bounds.Top + bounds.Height + margin) - top;
        return (left, top, width, height);
    }

    private static EdgeQualityResult MeasureRegion(PixelBuffer rgb, PixelBuffer alpha, EdgeQualityOptions options)
    {
        var (ringCount, ringSum) = RingDeviation(rgb, OuterRing(alpha, options.OuterRingWidth));
        var (softCount, absolute, signed, fringe) = SoftDeviations(rgb, alpha, options);
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

    /// <summary>Ring pixels and their summed darkness below white, in raster order.</summary>
    private static (int Count, double Sum) RingDeviation(PixelBuffer rgb, byte[] ring)
    {
        var (count, sum) = (0, 0.0);
        var span = ring.AsSpan();
        for (var i = span.IndexOf((byte)1); i >= 0;)
        {
            sum += (765 - rgb.Data[i * 3] - rgb.Data[(i * 3) + 1] - rgb.Data[(i * 3) + 2]) / 3.0;
            count++;
            var next = span[(i + 1)..].IndexOf((byte)1);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return (count, sum);
    }

    /// <summary>Soft matte pixels with opaque product nearby and their summed deviations, in raster order.</summary>
    private static (int Count, double Absolute, double Signed, double Fringe) SoftDeviations(
        PixelBuffer rgb, PixelBuffer alpha, EdgeQualityOptions options)
    {
        var (count, absolute, signed, fringe) = (0, 0.0, 0.0, 0.0);
        Span<double> product = stackalloc double[3];
        var opaque = new OpaqueWindowMeans(rgb, alpha, options.InteriorSearchRadius);
        for (var y = 0; y < alpha.Height; y++)
        {
            var row = alpha.Data.AsSpan(y * alpha.Width, alpha.Width);
            for (var x = row.IndexOfAnyInRange((byte)1, (byte)254); x >= 0;)
            {
                if (opaque.TryMean(x, y, product))
                {
                    var i = (y * alpha.Width) + x;
                    var deviation = SoftDeviation(rgb.Data.AsSpan(i * 3, 3), alpha.Data[i] / 255.0, product);
                    absolute += deviation.Absolute;
                    signed += deviation.Signed;
                    fringe += deviation.Fringe;
                    count++;
                }

                var next = row[(x + 1)..].IndexOfAnyInRange((byte)1, (byte)254);
                x = next < 0 ? -1 : x + 1 + next;
            }
        }

        return (count, absolute, signed, fringe);
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

    /// <summary>
    /// The background (α = 0) pixels within <paramref name="width"/> of the matte, Chebyshev distance, as 0/1.
    /// A background pixel that near any matte pixel is as near one that touches the background (walk from the
    /// matte pixel towards it: the last matte pixel on the way touches it), so this is the ring around the outline.
    /// </summary>
    private static byte[] OuterRing(PixelBuffer alpha, int width)
    {
        if (width == 0)
        {
            return new byte[alpha.PixelCount];
        }

        var ring = SquareDilation.OfRange(alpha, 1, 255, width);
        for (var y = 0; y < alpha.Height; y++)
        {
            KeepBackground(alpha.Data.AsSpan(y * alpha.Width, alpha.Width), ring.AsSpan(y * alpha.Width, alpha.Width));
        }

        return ring;
    }

    /// <summary>Clears the flags of matte pixels, keeping those of background (α = 0) pixels.</summary>
    private static void KeepBackground(ReadOnlySpan<byte> alpha, Span<byte> flags)
    {
        var alphas = MemoryMarshal.Cast<byte, Vector<byte>>(alpha);
        var vectors = MemoryMarshal.Cast<byte, Vector<byte>>(flags);
        for (var i = 0; i < alphas.Length; i++)
        {
            vectors[i] &= Vector.Equals(alphas[i], Vector<byte>.Zero);
        }

        for (var i = alphas.Length * Vector<byte>.Count; i < alpha.Length; i++)
        {
            flags[i] = alpha[i] == 0 ? flags[i] : (byte)0;
        }
    }
}
