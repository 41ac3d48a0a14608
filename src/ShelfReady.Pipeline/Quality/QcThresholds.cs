namespace ShelfReady.Pipeline.Quality;

/// <summary>Where the QC score sends an image; overridable per merchant.</summary>
public sealed record QcThresholds
{
    /// <summary>Score at or above which an image ships without a person. Default 90.</summary>
    public int AutoApprove { get; init; } = 90;

    /// <summary>Score at or above which a person reviews it; below, it is redone first. Default 70.</summary>
    public int Review { get; init; } = 70;

    /// <summary>The defaults.</summary>
    public static QcThresholds Default { get; } = new();

    /// <summary>Throws when the thresholds are out of order or out of 0–100.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Review, 0, nameof(Review));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AutoApprove, 100, nameof(AutoApprove));
        if (Review > AutoApprove)
        {
            throw new ArgumentOutOfRangeException(nameof(Review), Review, $"{nameof(Review)} must not exceed {nameof(AutoApprove)} ({AutoApprove}).");
        }
    }
}
