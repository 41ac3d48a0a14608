using ShelfReady.Imaging.Segmentation;

namespace ShelfReady.Pipeline.Ports;

/// <summary>
/// Chooses the segmenter for a strategy: the configured one (a GPU endpoint, or the classical segmenter
/// on one machine) for the primary strategy, a different method for the alternate.
/// </summary>
public interface ISegmenterProvider
{
    /// <summary>The segmenter for a strategy and its name for the record.</summary>
    (IMatteSegmenter Segmenter, string Name) ForStrategy(string strategy);
}
