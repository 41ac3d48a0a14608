namespace ShelfReady.Imaging.Quality;

/// <summary>The outcome of an <see cref="EdgeQuality"/> measurement.</summary>
/// <param name="SoftPixels">Soft matte pixels assessed (0 &lt; α &lt; 255 with product nearby).</param>
/// <param name="RingPixels">Background pixels assessed in the ring just outside the matte.</param>
/// <param name="EdgeDeviation">Mean |actual − ideal blend| over soft pixels and channels, in 8-bit levels.</param>
/// <param name="EdgeSignedDeviation">Mean actual − ideal over soft pixels: below 0 a dark fringe, above a light one.</param>
/// <param name="FringeDeviation">
/// Mean over soft pixels of the deviation from the ideal blend that does not point from the product colour
/// straight towards white (RMS over channels, 8-bit levels): the old background's grey or tint left in the
/// edge. A pixel merely closer to white than α says is not counted: on a white page that reads as
/// anti-aliasing, not as a halo.
/// </param>
/// <param name="RingDeviation">Mean 255 − actual over ring pixels and channels: how far the ring is from white.</param>
/// <param name="HaloScore">
/// 0 (clean) to 1: the larger of the fringe and ring deviations over the tolerance, so neither a fringe inside
/// the outline nor a ring outside it is diluted by the other.
/// </param>
public sealed record EdgeQualityResult(
    int SoftPixels,
    int RingPixels,
    double EdgeDeviation,
    double EdgeSignedDeviation,
    double FringeDeviation,
    double RingDeviation,
    double HaloScore)
{
    /// <summary>Nothing to assess: no product, or no edge.</summary>
    public static EdgeQualityResult Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Edge quality for QC, 0–1: 1 − <see cref="HaloScore"/>.</summary>
    public double Score => 1 - HaloScore;

    /// <summary>Whether the edge is mostly darker than the ideal blend: an old, darker background left in it.</summary>
    public bool HasDarkFringe => EdgeSignedDeviation < -EdgeDeviation / 2 && EdgeDeviation >= 4;
}
