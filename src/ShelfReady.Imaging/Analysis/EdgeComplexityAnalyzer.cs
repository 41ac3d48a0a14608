using NetVips;

namespace ShelfReady.Imaging.Analysis;

/// <summary>
/// Scores how hard a product's edge is from its matte (any segmenter's, e.g. <c>ClassicalSegmenter</c>) and the
/// photo. Each component is mapped to 0–1 by a linear ramp, weighted, and combined as a noisy-OR
/// (1 − Π(1 − wᵢcᵢ)) so that any one strong sign of difficulty raises the score: outline roughness, thin
/// structures, sparseness within the hull, soft-edge width, transparency (an interior much closer to the
/// background than the rim) and low contrast across the edge.
/// </summary>
public static class EdgeComplexityAnalyzer
{
    private static readonly Component[] Components =
    [
        new(e => e.Roughness, From: 1.3, To: 3.0, Weight: 0.7),
        new(e => e.FineStructure, From: 0.004, To: 0.08, Weight: 0.7),
        new(e => e.Solidity, From: 0.5, To: 0.1, Weight: 0.9),
        new(e => e.SoftEdgeWidth, From: 3.2, To: 6, Weight: 0.5),
        new(e => e.InteriorDeltaE / Math.Max(e.EdgeContrast, 1e-6), From: 0.55, To: 0.3, Weight: 0.8),
        new(e => e.EdgeContrast, From: 14, To: 5, Weight: 0.4),
    ];

    /// <summary>Measures the edge complexity of the product a matte cuts out of a photo.</summary>
    /// <param name="rgb">3-band uchar sRGB photo.</param>
    /// <param name="matte">1-band uchar alpha matte of the same size.</param>
    /// <param name="options">Analysis settings; null takes the defaults.</param>
    public static EdgeComplexity Analyze(Image rgb, Image matte, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matte);
        options ??= new AnalysisOptions();
        options.Validate();
        return Analyze(AnalysisFrame.Read(rgb, matte, options));
    }

    /// <summary>Measures a frame read with its matte.</summary>
    internal static EdgeComplexity Analyze(AnalysisFrame frame)
    {
        var alpha = frame.Alpha!;
        var mask = frame.Mask;
        var area = mask.Count(m => m);
        if (area == 0)
        {
            return new EdgeComplexity(0, 1, 0, 1, 0, 0, 0);
        }

        var (hullPerimeter, hullArea) = Outline.Hull(mask, frame.Width, frame.Height);
        var length = Outline.Length(alpha, frame.Width, frame.Height);
        var contrasts = BoundaryRings.CellDeltas(frame);
        var measured = new EdgeComplexity(
            Score: 0,
            Roughness: length / Math.Max(1, hullPerimeter),
            FineStructure: FineStructure(frame, area),
            Solidity: area / Math.Max(1, hullArea),
            SoftEdgeWidth: alpha.Count(a => a is > 0.06f and < 0.94f) / Math.Max(1, length),
            EdgeContrast: Median(contrasts, fallback: 0),
            InteriorDeltaE: InteriorDeltaE(frame));
        var keep = Components.Aggregate(1.0, (product, c) => product * (1 - (c.Weight * c.Level(measured))));
        return measured with { Score = 1 - keep };
    }

    /// <summary>
    /// Area lost to an opening with a disc of radius 2% of the product's equivalent diameter (at least 2 px):
    /// wires, hairs and tassels vanish, rounded corners barely change.
    /// </summary>
    private static double FineStructure(AnalysisFrame frame, int area)
    {
        var (mask, width, height) = (frame.Mask, frame.Width, frame.Height);
        var radius = Math.Max(2f, 0.02f * MathF.Sqrt(area));
        var inside = frame.InsideDistance;
        var eroded = new bool[mask.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            eroded[i] = inside[i] > radius;
        }

        var toEroded = MaskOps.Distance(eroded, width, height, inside: false);
        var lost = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            lost += mask[i] && toEroded[i] > radius ? 1 : 0;
        }

        return (double)lost / area;
    }

    /// <summary>Median ΔE76 from the background surface over pixels at least 3 px inside the product.</summary>
    private static double InteriorDeltaE(AnalysisFrame frame)
    {
        var model = frame.Surface.Render(frame.Width, frame.Height);
        var inside = frame.InsideDistance;
        var lab = frame.Lab;
        var deltas = new List<double>();
        for (var i = 0; i < inside.Length; i++)
        {
            if (inside[i] >= 3)
            {
                var dl = lab.L[i] - model[0][i];
                var da = lab.A[i] - model[1][i];
                var db = lab.B[i] - model[2][i];
                deltas.Add(Math.Sqrt((dl * dl) + (da * da) + (db * db)));
            }
        }

        // A product with no interior (a wire) is all edge: its interior is as distinct as its rim.
        return Median(deltas, fallback: Median(BoundaryRings.CellDeltas(frame), fallback: 0));
    }

    private static double Median(List<double> values, double fallback)
    {
        if (values.Count == 0)
        {
            return fallback;
        }

        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>
    /// One measured quantity, its 0–1 ramp (which may run downwards), a power that shapes the ramp (below 1 makes
    /// small excesses count, e.g. a serrated seam that lengthens the outline by a tenth) and its weight.
    /// </summary>
    private sealed record Component(Func<EdgeComplexity, double> Measure, double From, double To, double Weight, double Power = 1)
    {
        public double Level(EdgeComplexity measured) => Math.Pow(Math.Clamp((Measure(measured) - From) / (To - From), 0, 1), Power);
    }
}
