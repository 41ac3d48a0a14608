using ShelfReady.Imaging;

namespace ShelfReady.Pipeline.Ports;

/// <summary>One cut-out to make.</summary>
/// <param name="JobId">The job, sent along so the service's logs can be matched to the pipeline's.</param>
/// <param name="Strategy">A <see cref="Workflows.SegmentationStrategies"/> value.</param>
/// <param name="Complexity">The routed complexity, which decides whether a fallback is acceptable.</param>
public sealed record SegmentationRequest(string JobId, string Strategy, ProductComplexity Complexity);
