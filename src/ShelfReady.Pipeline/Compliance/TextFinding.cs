namespace ShelfReady.Pipeline.Compliance;

/// <summary>One text region found in the source photo.</summary>
/// <param name="X">Left edge in source pixels.</param>
/// <param name="Y">Top edge in source pixels.</param>
/// <param name="Width">Width in source pixels.</param>
/// <param name="Height">Height in source pixels.</param>
/// <param name="Score">The detector's confidence, 0–1.</param>
/// <param name="AreaFraction">Share of the frame the box covers.</param>
/// <param name="MatteCoverage">Share of the box and its surround the product's matte covers, 0–1.</param>
/// <param name="Placement">Packaging print or overlay, from <paramref name="MatteCoverage"/>.</param>
public sealed record TextFinding(int X, int Y, int Width, int Height, double Score, double AreaFraction, double MatteCoverage, TextPlacement Placement);
