using NetVips;
using ShelfReady.Imaging.Quality;

namespace ShelfReady.Inference.Segmentation;

/// <summary>A model's matte for one image, at the image's size. Owns the matte; dispose it.</summary>
public sealed class SegmentationMask : IDisposable
{
    internal SegmentationMask(Image matte, double confidence, ProductBounds foregroundBox, TimeSpan elapsed)
    {
        Matte = matte;
        Confidence = confidence;
        ForegroundBox = foregroundBox;
        Elapsed = elapsed;
    }

    /// <summary>1-band uchar alpha of the input's size: 255 product, 0 background, fractional on edges.</summary>
    public Image Matte { get; }

    /// <summary>
    /// Share of the model's output pixels that are decisive (probability ≤ 0.1 or ≥ 0.9), 0–1: low values mean
    /// the model hesitated over much of the frame.
    /// </summary>
    public double Confidence { get; }

    /// <summary>Bounding box of alpha ≥ 128 in the full-resolution matte.</summary>
    public ProductBounds ForegroundBox { get; }

    /// <summary>Time from the start of the batch call until this mask was finished (preprocessing, the shared run, refinement).</summary>
    public TimeSpan Elapsed { get; }

    /// <inheritdoc />
    public void Dispose() => Matte.Dispose();
}
