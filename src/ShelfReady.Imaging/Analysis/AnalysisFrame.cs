using NetVips;
using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Analysis;

/// <summary>An image (and optionally its matte) box-shrunk to analysis size, as colour, Lab and alpha planes.</summary>
internal sealed class AnalysisFrame
{
    private bool[]? mask;
    private float[]? inside;
    private float[]? outside;

    private BackgroundSurface? surface;

    private AnalysisFrame(PixelBuffer rgb, float[]? alpha, AnalysisOptions options)
    {
        Rgb = rgb;
        Lab = LabPlanes.From(rgb);
        Alpha = alpha;
        Options = options;
    }

    public AnalysisOptions Options { get; }

    public int BorderPixels => Options.BorderPixels(Width, Height);

    /// <summary>The background surface fitted to this frame's border, computed once.</summary>
    public BackgroundSurface Surface => surface ??= BackgroundSurface.Fit(Lab, BorderPixels);

    public PixelBuffer Rgb { get; }

    public LabPlanes Lab { get; }

    /// <summary>Alpha 0–1, or null when no matte was given.</summary>
    public float[]? Alpha { get; }

    public int Width => Rgb.Width;

    public int Height => Rgb.Height;

    public static AnalysisFrame Read(Image rgb, Image? matte, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.Bands != 3 || rgb.Format != Enums.BandFormat.Uchar)
        {
            throw new ArgumentException("Expected a 3-band uchar sRGB image.", nameof(rgb));
        }

        if (matte is not null && (matte.Width != rgb.Width || matte.Height != rgb.Height || matte.Bands != 1))
        {
            throw new ArgumentException("The matte must be a 1-band image of the photo's size.", nameof(matte));
        }

        var scale = Math.Max(1, (int)Math.Ceiling((double)Math.Max(rgb.Width, rgb.Height) / options.AnalysisLongSide));
        var pixels = Shrunk(rgb, scale);
        var alpha = matte is null ? null : Shrunk(matte, scale).Data.Select(a => a / 255f).ToArray();
        return new AnalysisFrame(pixels, alpha, options);
    }

    /// <summary>Mask of pixels at least half product.</summary>
    public bool[] Mask => mask ??= Threshold(Alpha ?? throw new InvalidOperationException("No matte."));

    /// <summary>Distance of product pixels to the nearest background pixel (0 outside).</summary>
    public float[] InsideDistance => inside ??= MaskOps.Distance(Mask, Width, Height, inside: true);

    /// <summary>Distance of background pixels to the nearest product pixel (0 inside).</summary>
    public float[] OutsideDistance => outside ??= MaskOps.Distance(Mask, Width, Height, inside: false);

    private static bool[] Threshold(float[] alpha)
    {
        var result = new bool[alpha.Length];
        for (var i = 0; i < alpha.Length; i++)
        {
            result[i] = alpha[i] >= 0.5f;
        }

        return result;
    }

    private static PixelBuffer Shrunk(Image image, int scale)
    {
        if (scale == 1)
        {
            return PixelBuffer.From(image);
        }

        using var small = image.Shrink(scale, scale);
        return PixelBuffer.From(small);
    }
}
