namespace ShelfReady.Imaging.Quality;

/// <summary>An axis-aligned pixel rectangle holding the product; empty when the matte holds none.</summary>
/// <param name="Left">First column.</param>
/// <param name="Top">First row.</param>
/// <param name="Width">Width in pixels, 0 when empty.</param>
/// <param name="Height">Height in pixels, 0 when empty.</param>
public readonly record struct ProductBounds(int Left, int Top, int Width, int Height)
{
    /// <summary>Whether no pixel reached the threshold.</summary>
    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>Horizontal centre in pixel coordinates (edges, not pixel centres).</summary>
    public double CenterX => Left + (Width / 2.0);

    /// <summary>Vertical centre in pixel coordinates.</summary>
    public double CenterY => Top + (Height / 2.0);
}
