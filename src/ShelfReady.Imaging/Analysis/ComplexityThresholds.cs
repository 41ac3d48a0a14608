namespace ShelfReady.Imaging.Analysis;

/// <summary>
/// Maps an edge-complexity score (0–1) to a <see cref="ProductComplexity"/>. Defaults were set on the real
/// calibration photographs (../shared/calibration, <c>qc-calibration</c> benchmark command): clean products on
/// white (flashlights, printers, scanners, a sofa) score below 0.1; shoes with laces, a cap, a belt on grey
/// 0.2–0.5; chains, jewellery, glass, wire, fur and white-on-white mostly above 0.5.
/// </summary>
public sealed record ComplexityThresholds
{
    /// <summary>Scores at or above this are at least medium. Default 0.2.</summary>
    public double MediumFrom { get; init; } = 0.2;

    /// <summary>Scores at or above this are complex. Default 0.5; must exceed <see cref="MediumFrom"/>.</summary>
    public double ComplexFrom { get; init; } = 0.5;

    /// <summary>The complexity of an edge score.</summary>
    public ProductComplexity Classify(double score)
    {
        if (MediumFrom <= 0 || ComplexFrom <= MediumFrom || ComplexFrom >= 1)
        {
            throw new InvalidOperationException("Thresholds must satisfy 0 < MediumFrom < ComplexFrom < 1.");
        }

        return score >= ComplexFrom ? ProductComplexity.Complex
            : score >= MediumFrom ? ProductComplexity.Medium
            : ProductComplexity.Simple;
    }
}
