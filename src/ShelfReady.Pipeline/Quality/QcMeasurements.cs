using ShelfReady.Imaging.Quality;

namespace ShelfReady.Pipeline.Quality;

/// <summary>What was measured on a composed image and on its matte against the source photo, the input of the QC score.</summary>
/// <param name="BorderPassFraction">Share of perimeter samples with every channel ≥ 250 (0–1).</param>
/// <param name="NonWhiteBackgroundPixels">Pixels outside the product that are not exactly 255,255,255.</param>
/// <param name="EdgeQuality">Edge quality 0–1, 1 being a clean edge with no halo.</param>
/// <param name="Fill">Share of the frame the product fills (0–1).</param>
/// <param name="TargetFill">The fill the platform asks for, e.g. 0.85.</param>
/// <param name="ColorDeltaE">Mean CIEDE2000 between source and output product pixels.</param>
/// <param name="Defects">What <see cref="CutoutInspector"/> found comparing the matte with the source photo.</param>
/// <param name="ProductRegion">The matte's product bounds in the source, where whole-product findings point.</param>
public sealed record QcMeasurements(
    double BorderPassFraction,
    long NonWhiteBackgroundPixels,
    double EdgeQuality,
    double Fill,
    double TargetFill,
    double ColorDeltaE,
    IReadOnlyList<CutoutDefect> Defects,
    QcRegion ProductRegion);
