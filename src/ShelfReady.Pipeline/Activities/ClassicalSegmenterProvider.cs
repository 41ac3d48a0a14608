using ShelfReady.Imaging.Segmentation;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// The embedded default: the classical studio segmenter for the primary strategy, and for the alternate a
/// second classical pass that works on a larger proxy with lower thresholds, so a redo looks harder at faint
/// edges instead of repeating the same mistake.
/// </summary>
public sealed class ClassicalSegmenterProvider : ISegmenterProvider
{
    private readonly ClassicalSegmenter primary = new();
    private readonly ClassicalSegmenter alternate = new(new ClassicalSegmenterOptions
    {
        ProxyLongSide = 2000,
        HighThreshold = 3.5,
        LowThreshold = 2.0,
    });

    /// <inheritdoc />
    public (IMatteSegmenter Segmenter, string Name) ForStrategy(string strategy) =>
        strategy == SegmentationStrategies.Alternate
            ? (alternate, "classical-fine")
            : (primary, "classical");
}
