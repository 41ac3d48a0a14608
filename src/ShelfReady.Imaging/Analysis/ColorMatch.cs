namespace ShelfReady.Imaging.Analysis;

/// <summary>How close the product's boundary colours are to the background right next to them.</summary>
/// <param name="Risk">0 (clear contrast everywhere) to 1 (the product melts into the background somewhere along its edge).</param>
/// <param name="LowDeltaE">25th percentile over boundary cells of ΔE76 between the ring just inside and the ring just outside.</param>
/// <param name="MedianDeltaE">Median of the same per-cell ΔE76.</param>
/// <param name="Cells">Boundary cells that had pixels on both sides.</param>
public sealed record ColorMatch(double Risk, double LowDeltaE, double MedianDeltaE, int Cells);
