namespace ShelfReady.Imaging.Analysis;

/// <summary>
/// Maps an edge-complexity score (0–1) to a <see cref="ProductComplexity"/>. Defaults were set on generated
/// studio shots (seeds disjoint from the tests): solid boxes, bottles and toys score below 0.1; serrated tubes,
/// laced shoes, fringed apparel and close colour matches mostly 0.14–0.45; chains, fur and glass mostly above 0.5.
/// </summary>
public sealed record ComplexityThresholds
{
    /// <summary>Scores at or above this are at least medium. Default 0.12.</summary>
    public double MediumFrom { get; init; } = 0.12;

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
