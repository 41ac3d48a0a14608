namespace ShelfReady.SegmentationService.Models;

/// <summary>Whether the service should receive traffic, and if not, why.</summary>
/// <param name="IsReady">Models are loaded and each runs on the execution provider it was configured for.</param>
/// <param name="Reason">Why not, for <c>/readyz</c> and the logs; null when ready.</param>
internal sealed record Readiness(bool IsReady, string? Reason);
