using ShelfReady.Imaging;

namespace ShelfReady.Pipeline.Routing;

/// <summary>How hard an image is expected to be, and why.</summary>
/// <param name="Complexity">The route.</param>
/// <param name="Reason">One sentence for the report and the reviewer.</param>
public sealed record RoutingDecision(ProductComplexity Complexity, string Reason);
