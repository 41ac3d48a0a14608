namespace ShelfReady.Imaging.Synthetic;

/// <summary>Relative weights of complexities in a generated set; counts are split by largest remainder.</summary>
/// <param name="Simple">Weight of simple products, ≥ 0.</param>
/// <param name="Medium">Weight of medium products, ≥ 0.</param>
/// <param name="Complex">Weight of complex products, ≥ 0.</param>
public sealed record ComplexityMix(double Simple, double Medium, double Complex)
{
    /// <summary>Only simple products.</summary>
    public static ComplexityMix OnlySimple { get; } = new(1, 0, 0);

    /// <summary>Only medium products.</summary>
    public static ComplexityMix OnlyMedium { get; } = new(0, 1, 0);

    /// <summary>Only complex products.</summary>
    public static ComplexityMix OnlyComplex { get; } = new(0, 0, 1);

    /// <summary>A catalogue-like mix: mostly simple, some medium, a few complex (60/30/10).</summary>
    public static ComplexityMix Catalogue { get; } = new(0.6, 0.3, 0.1);

    /// <summary>How many of <paramref name="total"/> shots go to each complexity, in enum order.</summary>
    public int[] Split(int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        double[] weights = [Simple, Medium, Complex];
        if (weights.Any(w => double.IsNaN(w) || w < 0) || weights.Sum() <= 0)
        {
            throw new ArgumentException("Weights must be non-negative with a positive sum.");
        }

        var exact = weights.Select(w => w / weights.Sum() * total).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var order = Enumerable.Range(0, 3).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).ToArray();
        var missing = total - counts.Sum();
        for (var k = 0; k < missing; k++)
        {
            counts[order[k]]++;
        }

        return counts;
    }
}
