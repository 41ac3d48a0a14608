using ShelfReady.Imaging.Quality;

namespace ShelfReady.Imaging.Compositing;

/// <summary>
/// Where the product goes: the scale that makes its bounds span the target fill, the source rectangle that
/// lands on the canvas (clipped to the photo) and that rectangle's offset on the canvas, where the rest is
/// white padding.
/// </summary>
internal sealed record FrameLayout(
    int CanvasWidth,
    int CanvasHeight,
    double Scale,
    int SourceLeft,
    int SourceTop,
    int SourceWidth,
    int SourceHeight,
    int CanvasLeft,
    int CanvasTop)
{
    public static FrameLayout Compute(ProductBounds bounds, int imageWidth, int imageHeight, CompositeOptions options)
    {
        var (canvasWidth, canvasHeight) = CanvasSize(imageWidth, imageHeight, options);
        var scale = options.TargetFill * Math.Min(
            (double)canvasWidth / bounds.Width, (double)canvasHeight / bounds.Height);

        // The window of the photo that maps onto the canvas, centred on the product; it may overhang the photo.
        var windowLeft = bounds.CenterX - (canvasWidth / (2 * scale));
        var windowTop = bounds.CenterY - (canvasHeight / (2 * scale));
        var (left, width) = Clip(windowLeft, canvasWidth / scale, imageWidth);
        var (top, height) = Clip(windowTop, canvasHeight / scale, imageHeight);
        return new FrameLayout(
            canvasWidth,
            canvasHeight,
            scale,
            left,
            top,
            width,
            height,
            (int)Math.Round((left - windowLeft) * scale),
            (int)Math.Round((top - windowTop) * scale));
    }

    private static (int Width, int Height) CanvasSize(int imageWidth, int imageHeight, CompositeOptions options)
    {
        var side = options.OutputLongSide;
        if (options.Shape == CanvasShape.Square)
        {
            return (side, side);
        }

        return imageWidth >= imageHeight
            ? (side, Math.Max(1, (int)Math.Round((double)side * imageHeight / imageWidth)))
            : (Math.Max(1, (int)Math.Round((double)side * imageWidth / imageHeight)), side);
    }

    private static (int Start, int Length) Clip(double windowStart, double windowLength, int imageLength)
    {
        // Rounding inwards keeps the canvas offset non-negative; the sub-pixel lost is inside the padding.
        var start = Math.Max(0, (int)Math.Ceiling(windowStart));
        var end = Math.Min(imageLength, (int)Math.Floor(windowStart + windowLength));
        return (start, Math.Max(1, end - start));
    }
}
