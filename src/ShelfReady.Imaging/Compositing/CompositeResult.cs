using NetVips;
using ShelfReady.Imaging.Quality;

namespace ShelfReady.Imaging.Compositing;

/// <summary>The marketplace image and what was done to make it. Owns native images: dispose it.</summary>
public sealed class CompositeResult : IDisposable
{
    internal CompositeResult(
        Image image, Image matte, ProductBounds sourceBounds, FrameLayout layout, BackgroundTone reference,
        WhiteBalanceGains gains, FillMeasurement fill)
    {
        Image = image;
        Matte = matte;
        SourceBounds = sourceBounds;
        Scale = layout.Scale;
        SourceLeft = layout.SourceLeft;
        SourceTop = layout.SourceTop;
        CanvasLeft = layout.CanvasLeft;
        CanvasTop = layout.CanvasTop;
        BackgroundReference = reference;
        Gains = gains;
        Fill = fill;
    }

    /// <summary>The composite: 3-band uchar sRGB, exactly 255,255,255 wherever <see cref="Matte"/> is 0.</summary>
    public Image Image { get; }

    /// <summary>The matte resampled onto the canvas (1-band uchar), for QC and review overlays.</summary>
    public Image Matte { get; }

    /// <summary>The product bounds in the source photo.</summary>
    public ProductBounds SourceBounds { get; }

    /// <summary>Source-to-canvas scale factor.</summary>
    public double Scale { get; }

    /// <summary>Left of the source window that lands on the canvas.</summary>
    public int SourceLeft { get; }

    /// <summary>Top of the source window that lands on the canvas.</summary>
    public int SourceTop { get; }

    /// <summary>Where the source window's left lands on the canvas.</summary>
    public int CanvasLeft { get; }

    /// <summary>Where the source window's top lands on the canvas.</summary>
    public int CanvasTop { get; }

    /// <summary>The background tone that was mapped to white (given or measured).</summary>
    public BackgroundTone BackgroundReference { get; }

    /// <summary>The linear-light gains applied to the product.</summary>
    public WhiteBalanceGains Gains { get; }

    /// <summary>The fill measured on <see cref="Matte"/>.</summary>
    public FillMeasurement Fill { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Image.Dispose();
        Matte.Dispose();
    }
}
