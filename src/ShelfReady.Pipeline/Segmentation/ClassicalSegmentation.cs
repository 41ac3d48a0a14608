using NetVips;
using ShelfReady.Imaging.Segmentation;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Segmentation;

/// <summary>
/// The embedded default: the classical studio segmenter for the primary strategy, and for the alternate a
/// second classical pass that works on a larger proxy with lower thresholds, so a redo looks harder at faint
/// edges instead of repeating the same mistake.
/// </summary>
public sealed class ClassicalSegmentation : ISegmenter
{
    /// <summary>The name recorded for the primary classical pass.</summary>
    public const string PrimaryName = "classical";

    /// <summary>The name recorded for the alternate, finer classical pass.</summary>
    public const string AlternateName = "classical-fine";

    private readonly ClassicalSegmenter primary = new();
    private readonly ClassicalSegmenter alternate = new(new ClassicalSegmenterOptions
    {
        ProxyLongSide = 2000,
        HighThreshold = 3.5,
        LowThreshold = 2.0,
    });

    /// <inheritdoc />
    public Task<SegmentedMatte> SegmentAsync(Image master, SegmentationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Segment(master, request.Strategy, cancellationToken));
    }

    /// <summary>Runs the classical pass for a strategy on the calling thread.</summary>
    public SegmentedMatte Segment(Image master, string strategy, CancellationToken cancellationToken) =>
        strategy == SegmentationStrategies.Alternate
            ? new SegmentedMatte(alternate.Segment(master, cancellationToken), AlternateName)
            : new SegmentedMatte(primary.Segment(master, cancellationToken), PrimaryName);
}
