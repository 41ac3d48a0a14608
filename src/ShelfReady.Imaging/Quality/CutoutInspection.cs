namespace ShelfReady.Imaging.Quality;

/// <summary>What <see cref="CutoutInspector"/> measured: the defects, and how trustworthy the backdrop model was.</summary>
/// <param name="Defects">Defects above the significance floor, largest first.</param>
/// <param name="BackdropSigma">Robust spread (ΔE76) of the removed pixels around the backdrop model.</param>
/// <param name="ProductFraction">Share of the photo the matte keeps.</param>
public sealed record CutoutInspection(IReadOnlyList<CutoutDefect> Defects, double BackdropSigma, double ProductFraction);
