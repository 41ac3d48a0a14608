using NetVips;

namespace ShelfReady.Pipeline.Ports;

/// <summary>
/// Cuts the product out of a master: the classical segmenter on one machine, or the segmentation service (a GPU
/// endpoint) with its fallback rules.
/// </summary>
public interface ISegmenter
{
    /// <summary>Computes the master's alpha matte for the request's strategy.</summary>
    /// <param name="master">3-band uchar sRGB working master.</param>
    /// <param name="request">What is cut out and how.</param>
    /// <param name="cancellationToken">Cancels the cut-out.</param>
    /// <returns>The full-resolution matte and the name of the method that made it; the caller disposes it.</returns>
    Task<SegmentedMatte> SegmentAsync(Image master, SegmentationRequest request, CancellationToken cancellationToken);
}
