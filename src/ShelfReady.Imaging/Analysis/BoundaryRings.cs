using ShelfReady.Imaging.Color;

namespace ShelfReady.Imaging.Analysis;

/// <summary>
/// Local contrast across a product's edge: per grid cell, ΔE76 between the mean L*a*b* of the ring 2–5 px inside
/// the edge and the ring 2–5 px outside it. The anti-aliased edge itself is skipped.
/// </summary>
internal static class BoundaryRings
{
    private const float RingStart = 2;
    private const float RingEnd = 5;
    private const int MinSamplesPerSide = 3;

    /// <summary>Per-cell ΔE76 across the edge, unsorted; empty when no cell sees both sides.</summary>
    public static List<double> CellDeltas(AnalysisFrame frame)
    {
        var width = frame.Width;
        var height = frame.Height;
        var mask = frame.Mask();
        var inside = MaskOps.Distance(mask, width, height, inside: true);
        var outside = MaskOps.Distance(mask, width, height, inside: false);
        var cell = Math.Max(8, Math.Max(width, height) / 40);
        var columns = (width + cell - 1) / cell;
        var rows = (height + cell - 1) / cell;
        var sums = new double[columns * rows, 2, 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                var side = inside[i] is >= RingStart and <= RingEnd ? 0 : outside[i] is >= RingStart and <= RingEnd ? 1 : -1;
                if (side < 0)
                {
                    continue;
                }

                var c = ((y / cell) * columns) + (x / cell);
                sums[c, side, 0] += frame.Lab.L[i];
                sums[c, side, 1] += frame.Lab.A[i];
                sums[c, side, 2] += frame.Lab.B[i];
                sums[c, side, 3]++;
            }
        }

        var deltas = new List<double>();
        for (var c = 0; c < columns * rows; c++)
        {
            if (sums[c, 0, 3] >= MinSamplesPerSide && sums[c, 1, 3] >= MinSamplesPerSide)
            {
                deltas.Add(ColorMath.DeltaE76(Mean(sums, c, 0), Mean(sums, c, 1)));
            }
        }

        return deltas;
    }

    private static Lab Mean(double[,,] sums, int cell, int side)
    {
        var n = sums[cell, side, 3];
        return new Lab(sums[cell, side, 0] / n, sums[cell, side, 1] / n, sums[cell, side, 2] / n);
    }
}
