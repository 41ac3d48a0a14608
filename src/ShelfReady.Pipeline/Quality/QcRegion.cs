namespace ShelfReady.Pipeline.Quality;

/// <summary>An axis-aligned rectangle in the upright source photo's pixels (the working master).</summary>
/// <param name="X">Left edge, pixels from the photo's left.</param>
/// <param name="Y">Top edge, pixels from the photo's top.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record QcRegion(int X, int Y, int Width, int Height);
