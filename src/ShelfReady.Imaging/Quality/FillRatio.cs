using NetVips;

namespace ShelfReady.Imaging.Quality;

/// <summary>
/// Product fill, the one definition shared by the compositor and the QC score: the product's bounding box is
/// taken over matte pixels at or above <see cref="DefaultThreshold"/> (half coverage, the geometric edge of an
/// anti-aliased outline), and fill is the larger of box width / canvas width and box height / canvas height,
/// that is the share of the frame the product spans along its binding dimension. On a square canvas this is
/// the box's longer side over the canvas side; 0.85 means the product spans 85% of the frame.
/// </summary>
public static class FillRatio
{
    /// <summary>Matte value from which a pixel counts as product for bounds and fill.</summary>
    public const byte DefaultThreshold = 128;

    /// <summary>Measures the fill of a matte on its own canvas.</summary>
    /// <param name="matte">1-band uchar matte, 255 = product.</param>
    /// <param name="threshold">Matte value from which a pixel counts as product, 1–255.</param>
    public static FillMeasurement Measure(Image matte, byte threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(matte);
        var bounds = FindBounds(matte, threshold);
        return new FillMeasurement(bounds, matte.Width, matte.Height);
    }

    /// <summary>The bounding box of matte pixels at or above the threshold.</summary>
    /// <param name="matte">1-band uchar matte.</param>
    /// <param name="threshold">Matte value from which a pixel counts as product, 1–255.</param>
    public static ProductBounds FindBounds(Image matte, byte threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(matte);
        ArgumentOutOfRangeException.ThrowIfZero(threshold);
        if (matte.Bands != 1)
        {
            throw new ArgumentException("The matte must have one band.", nameof(matte));
        }

        // One streamed pass: row and column counts of product pixels; the extents are their non-zero spans.
        using var mask = matte.RelationalConst(Enums.OperationRelational.Moreeq, [threshold]);
        var projections = mask.Project();
        using var columns = (Image)projections[0];
        using var rows = (Image)projections[1];
        var (left, right) = NonZeroSpan(columns);
        var (top, bottom) = NonZeroSpan(rows);
        return left < 0 || top < 0
            ? default
            : new ProductBounds(left, top, right - left + 1, bottom - top + 1);
    }

    private static (int First, int Last) NonZeroSpan(Image projection)
    {
        using var asDouble = projection.Cast(Enums.BandFormat.Double);
        var sums = asDouble.WriteToMemory<double>();
        var first = Array.FindIndex(sums, v => v > 0);
        var last = Array.FindLastIndex(sums, v => v > 0);
        return (first, last);
    }
}
