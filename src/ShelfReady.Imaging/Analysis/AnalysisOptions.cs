namespace ShelfReady.Imaging.Analysis;

/// <summary>Shared settings of the image-analysis measurements.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Long side (px) the measurements may not exceed; larger inputs are box-shrunk by an integer factor. 256–4096, default 800.</summary>
    public int AnalysisLongSide { get; init; } = 800;

    /// <summary>Width of the frame border that models the background, as a fraction of the short side. 0.005–0.2, default 0.03.</summary>
    public double BorderFraction { get; init; } = 0.03;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(AnalysisLongSide, 256, nameof(AnalysisLongSide));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AnalysisLongSide, 4096, nameof(AnalysisLongSide));
        if (double.IsNaN(BorderFraction) || BorderFraction < 0.005 || BorderFraction > 0.2)
        {
            throw new ArgumentOutOfRangeException(nameof(BorderFraction), BorderFraction, "BorderFraction must be within [0.005, 0.2].");
        }
    }

    internal int BorderPixels(int width, int height) => Math.Max(2, (int)Math.Round(BorderFraction * Math.Min(width, height)));
}
