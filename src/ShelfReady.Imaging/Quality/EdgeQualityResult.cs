namespace ShelfReady.Imaging.Quality;

/// <summary>The outcome of <see cref="EdgeQuality.Measure"/>.</summary>
/// <param name="BandPixels">Pixels assessed: the soft matte band and the outer ring.</param>
/// <param name="MeanAbsoluteDeviation">Mean |actual − expected| over channels and band pixels, 8-bit levels.</param>
/// <param name="MeanSignedDeviation">Mean actual − expected: negative means a dark ring, positive a light one.</param>
/// <param name="HaloScore">0 (clean) to 1 (deviation at or beyond the tolerance).</param>
public sealed record EdgeQualityResult(
    int BandPixels, double MeanAbsoluteDeviation, double MeanSignedDeviation, double HaloScore)
{
    /// <summary>Edge quality for QC, 0–1: 1 − <see cref="HaloScore"/>.</summary>
    public double Score => 1 - HaloScore;

    /// <summary>Whether the deviation is mostly darkening: the signature of an old background left in the edge.</summary>
    public bool HasDarkRing => MeanSignedDeviation < -MeanAbsoluteDeviation / 2 && HaloScore > 0.25;
}
