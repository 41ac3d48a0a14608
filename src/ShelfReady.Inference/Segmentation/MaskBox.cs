namespace ShelfReady.Inference.Segmentation;

/// <summary>Pixel rectangle around a matte's foreground (alpha ≥ 128); all zero when there is none.</summary>
/// <param name="X">Left column.</param>
/// <param name="Y">Top row.</param>
/// <param name="Width">Width in pixels; 0 when the matte is empty.</param>
/// <param name="Height">Height in pixels; 0 when the matte is empty.</param>
public readonly record struct MaskBox(int X, int Y, int Width, int Height)
{
    /// <summary>True when the matte has no foreground.</summary>
    public bool IsEmpty => Width == 0 || Height == 0;
}
