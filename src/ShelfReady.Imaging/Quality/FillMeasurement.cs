namespace ShelfReady.Imaging.Quality;

/// <summary>The product bounds on a canvas and the resulting fill, as defined by <see cref="FillRatio"/>.</summary>
/// <param name="Bounds">Product bounding box.</param>
/// <param name="CanvasWidth">Canvas width in pixels.</param>
/// <param name="CanvasHeight">Canvas height in pixels.</param>
public sealed record FillMeasurement(ProductBounds Bounds, int CanvasWidth, int CanvasHeight)
{
    /// <summary>Box width over canvas width.</summary>
    public double HorizontalShare => (double)Bounds.Width / CanvasWidth;

    /// <summary>Box height over canvas height.</summary>
    public double VerticalShare => (double)Bounds.Height / CanvasHeight;

    /// <summary>The fill: the larger of the two shares, 0 when there is no product.</summary>
    public double Ratio => Math.Max(HorizontalShare, VerticalShare);
}
