using NetVips;

namespace ShelfReady.Imaging.Segmentation;

/// <summary>Cuts a product out of its background: the seam between the classical segmenter and model-based ones.</summary>
public interface IMatteSegmenter
{
    /// <summary>
    /// Computes an alpha matte: a 1-band uchar image of the input's size, 255 = product, 0 = background,
    /// fractional values on soft edges. The caller owns (and disposes) the returned image.
    /// </summary>
    /// <param name="rgb">3-band uchar sRGB working image; memory-backed images avoid decoding it twice.</param>
    /// <param name="cancellationToken">Checked between stages.</param>
    Image Segment(Image rgb, CancellationToken cancellationToken = default);
}
