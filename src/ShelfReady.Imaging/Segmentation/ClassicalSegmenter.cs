using NetVips;
using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Segmentation;

/// <summary>
/// Alpha matte for products on near-uniform studio backgrounds (white to light-grey sweeps, gradients,
/// vignettes, soft contact shadows), without a model. The mask is found on a proxy of at most
/// <see cref="ClassicalSegmenterOptions.ProxyLongSide"/> pixels: the background is modelled from the border as a
/// smooth L*a*b* surface, pixels far from it (hysteresis on ΔE76, neutral shadows excluded) form the product,
/// holes are filled and specks dropped. The edge band alone is then solved at full resolution. Stateless:
/// one instance may serve concurrent calls.
/// </summary>
public sealed class ClassicalSegmenter : IMatteSegmenter
{
    private readonly ClassicalSegmenterOptions options;

    /// <summary>Creates a segmenter.</summary>
    /// <param name="options">Tuning; null takes the defaults. Validated here.</param>
    public ClassicalSegmenter(ClassicalSegmenterOptions? options = null)
    {
        this.options = options ?? new ClassicalSegmenterOptions();
        this.options.Validate();
    }

    /// <inheritdoc />
    public Image Segment(Image rgb, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.Bands != 3 || rgb.Format != Enums.BandFormat.Uchar)
        {
            throw new ArgumentException("Expected a 3-band uchar sRGB image.", nameof(rgb));
        }

        var scale = ProxyScale(rgb.Width, rgb.Height, options.ProxyLongSide);
        var proxy = ReadProxy(rgb, scale);
        cancellationToken.ThrowIfCancellationRequested();

        var mask = ProxyMask.Find(proxy, scale, options, cancellationToken);
        var alpha = EdgeRefiner.Refine(rgb, proxy, mask, scale, cancellationToken);
        return PixelBuffer.Wrap(alpha, rgb.Width, rgb.Height, 1).ToImage(Enums.Interpretation.Bw);
    }

    /// <summary>Integer shrink factor that brings the long side to at most the proxy size.</summary>
    internal static int ProxyScale(int width, int height, int proxyLongSide) =>
        Math.Max(1, (int)Math.Ceiling((double)Math.Max(width, height) / proxyLongSide));

    private static PixelBuffer ReadProxy(Image rgb, int scale)
    {
        if (scale == 1)
        {
            return PixelBuffer.From(rgb);
        }

        // Integer box shrink: every proxy pixel is the exact mean of a scale × scale block, which the edge
        // refinement relies on when it maps proxy pixels back to full-resolution blocks.
        using var proxy = rgb.Shrink(scale, scale);
        return PixelBuffer.From(proxy);
    }
}
