using ShelfReady.Pipeline.Quality;

namespace ShelfReady.Pipeline.Workflows;

/// <summary>
/// How the source photo maps onto a reference composite: canvas = (source − SourceLeft/Top) × Scale +
/// CanvasLeft/Top. Lets a review page draw QC regions (source pixels) on the composite.
/// </summary>
/// <param name="Scale">Source-to-canvas scale.</param>
/// <param name="SourceLeft">Left of the source window that lands on the canvas.</param>
/// <param name="SourceTop">Top of that window.</param>
/// <param name="CanvasLeft">Where the window's left lands on the canvas.</param>
/// <param name="CanvasTop">Where the window's top lands on the canvas.</param>
public sealed record CompositeFrame(double Scale, int SourceLeft, int SourceTop, int CanvasLeft, int CanvasTop)
{
    /// <summary>The region in canvas pixels (it may overhang the canvas where the product was cropped).</summary>
    public QcRegion ToCanvas(QcRegion source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var x = (int)Math.Floor(((source.X - SourceLeft) * Scale) + CanvasLeft);
        var y = (int)Math.Floor(((source.Y - SourceTop) * Scale) + CanvasTop);
        var right = (int)Math.Ceiling(((source.X + source.Width - SourceLeft) * Scale) + CanvasLeft);
        var bottom = (int)Math.Ceiling(((source.Y + source.Height - SourceTop) * Scale) + CanvasTop);
        return new QcRegion(x, y, Math.Max(1, right - x), Math.Max(1, bottom - y));
    }
}
