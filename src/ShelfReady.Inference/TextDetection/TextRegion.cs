namespace ShelfReady.Inference.TextDetection;

/// <summary>A detected text region: an axis-aligned box in the pixels of the image that was searched, and its score.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width, ≥ 1.</param>
/// <param name="Height">Height, ≥ 1.</param>
/// <param name="Score">Mean text probability inside the box before it was grown, 0–1.</param>
public sealed record TextRegion(int X, int Y, int Width, int Height, double Score)
{
    /// <summary>Area in pixels.</summary>
    public long Area => (long)Width * Height;
}
