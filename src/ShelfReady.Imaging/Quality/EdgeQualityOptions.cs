namespace ShelfReady.Imaging.Quality;

/// <summary>Settings of <see cref="EdgeQuality"/>.</summary>
public sealed record EdgeQualityOptions
{
    /// <summary>How far outside the matte (α = 0) the band reaches, in pixels, 0–16; default 3.</summary>
    public int OuterRingWidth { get; init; } = 3;

    /// <summary>
    /// Half-size of the window searched for opaque product pixels whose mean is the local product colour,
    /// in pixels, 1–32; default 6.
    /// </summary>
    public int InteriorSearchRadius { get; init; } = 6;

    /// <summary>
    /// Mean absolute deviation, in 8-bit levels, at which the edge score reaches 0, 1–255; default 24 (a fringe
    /// clearly visible on white).
    /// </summary>
    public double ToleranceLevels { get; init; } = 24;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        Require(OuterRingWidth is >= 0 and <= 16, nameof(OuterRingWidth), "must be within 0–16");
        Require(InteriorSearchRadius is >= 1 and <= 32, nameof(InteriorSearchRadius), "must be within 1–32");
        Require(ToleranceLevels is >= 1 and <= 255, nameof(ToleranceLevels), "must be within 1–255");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, $"EdgeQualityOptions.{name} {message}.");
        }
    }
}
