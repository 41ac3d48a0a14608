namespace ShelfReady.Imaging.Analysis;

/// <summary>How hard a product's outline is, with the evidence behind the score.</summary>
/// <param name="Score">0 (a clean convex silhouette with good contrast) to 1 (chains, fur, glass): a noisy-OR of the weighted components.</param>
/// <param name="Roughness">Boundary length over convex-hull perimeter (1 for convex shapes; fringes and hairs raise it).</param>
/// <param name="FineStructure">Fraction of the product area removed by a morphological opening (thin parts: wires, hairs, tassels).</param>
/// <param name="Solidity">Product area over convex-hull area (a necklace covers a few percent of its hull).</param>
/// <param name="SoftEdgeWidth">Partial-alpha pixels per pixel of boundary length: the mean width of the soft edge in pixels.</param>
/// <param name="EdgeContrast">Median ΔE76 across the edge (inner ring against outer ring, per cell).</param>
/// <param name="InteriorDeltaE">Median ΔE76 between the product's interior and the background model; low for glass and near-background colours.</param>
public sealed record EdgeComplexity(
    double Score,
    double Roughness,
    double FineStructure,
    double Solidity,
    double SoftEdgeWidth,
    double EdgeContrast,
    double InteriorDeltaE);
