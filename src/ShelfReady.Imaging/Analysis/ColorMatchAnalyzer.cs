using NetVips;

namespace ShelfReady.Imaging.Analysis;

/// <summary>
/// Colour-match risk between a product and its local background. The frame is cut into cells; in every cell
/// on the boundary the mean L*a*b* of the ring 2–5 px inside the edge is compared with the ring 2–5 px outside
/// (the anti-aliased edge itself is skipped). Risk ramps linearly from 0 at a 25th-percentile ΔE76 of
/// <see cref="SafeDeltaE"/> to 1 at <see cref="HopelessDeltaE"/>: a product within ΔE 10 of its background scores
/// above 0.6, so the pipeline's "risk above 0.3" rule routes it to medium or higher.
/// </summary>
public static class ColorMatchAnalyzer
{
    /// <summary>Boundary ΔE76 at and above which the risk is 0.</summary>
    public const double SafeDeltaE = 20;

    /// <summary>Boundary ΔE76 at and below which the risk is 1.</summary>
    public const double HopelessDeltaE = 4;

    /// <summary>Measures the colour-match risk along the edge of the product a matte cuts out of a photo.</summary>
    /// <param name="rgb">3-band uchar sRGB photo.</param>
    /// <param name="matte">1-band uchar alpha matte of the same size.</param>
    /// <param name="options">Analysis settings; null takes the defaults.</param>
    public static ColorMatch Analyze(Image rgb, Image matte, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matte);
        options ??= new AnalysisOptions();
        options.Validate();
        return Analyze(AnalysisFrame.Read(rgb, matte, options));
    }

    /// <summary>Measures a frame read with its matte.</summary>
    internal static ColorMatch Analyze(AnalysisFrame frame)
    {
        var deltas = BoundaryRings.CellDeltas(frame);
        if (deltas.Count == 0)
        {
            return new ColorMatch(0, double.NaN, double.NaN, 0);
        }

        deltas.Sort();
        var low = deltas[deltas.Count / 4];
        var risk = Math.Clamp((SafeDeltaE - low) / (SafeDeltaE - HopelessDeltaE), 0, 1);
        return new ColorMatch(risk, low, deltas[deltas.Count / 2], deltas.Count);
    }
}
