using NetVips;
using ShelfReady.Imaging.Pixels;
using ShelfReady.Imaging.Quality;

namespace ShelfReady.Imaging.Compositing;

/// <summary>
/// Turns a studio photo and its alpha matte into a marketplace image: product cut out onto exactly
/// RGB 255,255,255, edge colours decontaminated, centred and scaled to a target fill, white balance and
/// exposure normalised against the background tone.
/// </summary>
/// <remarks>
/// Cost is kept proportional to the output, not the photo: only the window that lands on the canvas is read
/// and it is resampled first, so every later step runs on at most the canvas size. libvips does the
/// resampling, the heaviest per-pixel step; C# does one fused pass over the canvas-sized window (background,
/// white-balance lookup, soft-band arithmetic) and a strided background sample.
/// </remarks>
public static class StudioCompositor
{
    /// <summary>Composes the marketplace image.</summary>
    /// <param name="rgb">The photo: 3-band uchar sRGB.</param>
    /// <param name="alpha">Its matte: 1-band uchar, same size, 255 = product.</param>
    /// <param name="options">Settings; null means defaults.</param>
    /// <exception cref="ArgumentException">Wrong image layout, or the matte holds no product.</exception>
    public static CompositeResult Compose(Image rgb, Image alpha, CompositeOptions? options = null)
    {
        options ??= new CompositeOptions();
        options.Validate();
        Require(rgb, alpha);
        var bounds = FillRatio.FindBounds(alpha, options.FillThreshold);
        if (bounds.IsEmpty)
        {
            throw new ArgumentException("The matte marks no product pixel.", nameof(alpha));
        }

        var layout = FrameLayout.Compute(bounds, rgb.Width, rgb.Height, options);
        var rgba = Resample(rgb, alpha, layout);
        var model = LocalBackgroundField.Build(rgba, options.MatteNoiseFloor);
        var reference = options.BackgroundReference ?? model.Median;
        var gains = options.NormalizeWhiteBalance
            ? WhiteBalanceGains.FromReference(reference, options.MaxGain)
            : WhiteBalanceGains.Identity;
        var lookup = gains.BuildLookupTable();
        var (output, matte) = MatteBlender.Blend(
            rgba, lookup, options.Decontaminate ? model : null, options.MatteNoiseFloor);
        var image = Place(output, layout, 255);
        var placedMatte = Place(matte, layout, 0);
        return new CompositeResult(
            image, placedMatte, bounds, layout, reference, gains, FillRatio.Measure(placedMatte, options.FillThreshold));
    }

    private static void Require(Image rgb, Image alpha)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        ArgumentNullException.ThrowIfNull(alpha);
        if (rgb.Bands != 3 || rgb.Format != Enums.BandFormat.Uchar)
        {
            throw new ArgumentException("The photo must be 3-band uchar sRGB.", nameof(rgb));
        }

        if (alpha.Bands != 1 || alpha.Format != Enums.BandFormat.Uchar
            || alpha.Width != rgb.Width || alpha.Height != rgb.Height)
        {
            throw new ArgumentException("The matte must be 1-band uchar and the photo's size.", nameof(alpha));
        }
    }

    /// <summary>
    /// Crops the window and resamples photo and matte together, as one 4-band image: one pass, and the same
    /// kernel for both, so the compositing equation I = αF + (1 − α)B still holds afterwards (resampling is
    /// linear) and decontamination stays exact. Linear (a triangle filter when reducing) has no negative lobes,
    /// so the matte gains no ringing halo.
    /// </summary>
    private static PixelBuffer Resample(Image rgb, Image alpha, FrameLayout layout)
    {
        using var rgba = rgb.Bandjoin(alpha);
        using var window = rgba.Crop(layout.SourceLeft, layout.SourceTop, layout.SourceWidth, layout.SourceHeight);
        using var scaled = window.Resize(layout.Scale, Enums.Kernel.Linear);
        return PixelBuffer.From(scaled);
    }

    /// <summary>Puts a resampled window onto the canvas, clipping rounding overhang, padding with a value.</summary>
    private static Image Place(PixelBuffer window, FrameLayout layout, double pad)
    {
        // Wraps the managed buffer (pinned while the image lives) rather than copying it: one canvas less in memory.
        using var image = Image.NewFromMemory(window.Data, window.Width, window.Height, window.Bands, Enums.BandFormat.Uchar);
        using var tagged = image.Copy(
            interpretation: window.Bands == 3 ? Enums.Interpretation.Srgb : Enums.Interpretation.Bw);
        var width = Math.Min(window.Width, layout.CanvasWidth - layout.CanvasLeft);
        var height = Math.Min(window.Height, layout.CanvasHeight - layout.CanvasTop);
        using var clipped = tagged.Crop(0, 0, width, height);
        return clipped.Embed(
            layout.CanvasLeft, layout.CanvasTop, layout.CanvasWidth, layout.CanvasHeight,
            Enums.Extend.Background, Enumerable.Repeat(pad, window.Bands).ToArray());
    }
}
