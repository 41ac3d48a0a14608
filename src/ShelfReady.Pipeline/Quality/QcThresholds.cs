namespace ShelfReady.Pipeline.Quality;

/// <summary>Where the QC score sends an image; overridable per merchant.</summary>
public sealed record QcThresholds
{
    /// <summary>Score at or above which an image ships without a person. Default 90.</summary>
    public int AutoApprove { get; init; } = 90;

    /// <summary>Score at or above which a person reviews it; below, it is redone first. Default 70.</summary>
    public int Review { get; init; } = 70;

    /// <summary>
    /// Whether a medium-route product may ship without a person when QC is confident: auto-approve score and no
    /// finding at all. Default false: medium products go to a reviewer, as complex ones always do.
    /// </summary>
    public bool AutoApproveMedium { get; init; }

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
