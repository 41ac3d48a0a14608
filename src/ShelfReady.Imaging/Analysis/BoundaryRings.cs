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
        var inside = frame.InsideDistance;
        var outside = frame.OutsideDistance;
        var cell = Math.Max(8, Math.Max(width, height) / 40);
        var columns = (width + cell - 1) / cell;
        var cells = columns * ((height + cell - 1) / cell);

        // Per cell and side (0 inside, 1 outside): ΣL, Σa, Σb and the count, flattened.
        var sums = new double[cells * 8];
        for (var y = 0; y < height; y++)
        {
            var rowCell = (y / cell) * columns;
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                var side = inside[i] is >= RingStart and <= RingEnd ? 0 : outside[i] is >= RingStart and <= RingEnd ? 4 : -1;
                if (side < 0)
                {
                    continue;
                }

                var at = ((rowCell + (x / cell)) * 8) + side;
                sums[at] += frame.Lab.L[i];
                sums[at + 1] += frame.Lab.A[i];
                sums[at + 2] += frame.Lab.B[i];
                sums[at + 3]++;
            }
        }

        var deltas = new List<double>();
        for (var c = 0; c < cells; c++)
        {
            if (sums[(c * 8) + 3] >= MinSamplesPerSide && sums[(c * 8) + 7] >= MinSamplesPerSide)
            {
                deltas.Add(ColorMath.DeltaE76(Mean(sums, (c * 8) + 0), Mean(sums, (c * 8) + 4)));
            }
        }

        return deltas;
    }

    private static Lab Mean(double[] sums, int at) =>
        new(sums[at] / sums[at + 3], sums[at + 1] / sums[at + 3], sums[at + 2] / sums[at + 3]);
}
