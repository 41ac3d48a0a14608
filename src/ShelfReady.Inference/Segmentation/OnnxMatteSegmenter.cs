using NetVips;
using ShelfReady.Imaging.Segmentation;

namespace ShelfReady.Inference.Segmentation;

/// <summary>Plugs an ONNX segmentation model into the pipeline's <see cref="IMatteSegmenter"/> seam, one image per call.</summary>
/// <param name="model">The model; owned by the caller, who disposes it after the segmenter's last use.</param>
public sealed class OnnxMatteSegmenter(OnnxSegmentationModel model) : IMatteSegmenter
{
    private readonly OnnxSegmentationModel model = model ?? throw new ArgumentNullException(nameof(model));

    /// <inheritdoc />
    public Image Segment(Image rgb, CancellationToken cancellationToken = default)
    {
        var masks = model.Segment([rgb], cancellationToken);
        var mask = masks[0];

        // The matte outlives the mask wrapper: hand over a reference the caller owns.
        var matte = mask.Matte.Copy();
        mask.Dispose();
        return matte;
    }
}
