using NetVips;

namespace ShelfReady.Inference.Segmentation;

/// <summary>
/// A model's prediction for one image at the model's output size, before refinement: what a batched run hands
/// back, so each caller can refine its own image on its own thread. Owns the mask; dispose it.
/// </summary>
public sealed class LowResolutionMask : IDisposable
{
    internal LowResolutionMask(Image mask, double confidence, TimeSpan elapsed)
    {
        Mask = mask;
        Confidence = confidence;
        Elapsed = elapsed;
    }

    /// <summary>1-band uchar foreground probability, 0–255, at the model's output size.</summary>
    public Image Mask { get; }

    /// <inheritdoc cref="SegmentationMask.Confidence"/>
    public double Confidence { get; }

    /// <summary>Time from the start of the batch call until the prediction was ready (preprocessing and the shared run).</summary>
    public TimeSpan Elapsed { get; }

    /// <inheritdoc />
    public void Dispose() => Mask.Dispose();
}
