namespace ShelfReady.Imaging.Quality;

/// <summary>Settings of <see cref="BackgroundCompliance"/>. Defaults follow the Amazon main-image rule.</summary>
public sealed record BackgroundComplianceOptions
{
    /// <summary>Depth of the border band sampled, in pixels, 1–512; default 8.</summary>
    public int BorderBandWidth { get; init; } = 8;

    /// <summary>Distance between samples along and across the band, in pixels, 1–256; default 4.</summary>
    public int SampleSpacing { get; init; } = 4;

    /// <summary>A sample passes when every channel is at least this; default 250 (white within JPEG noise).</summary>
    public byte MinimumChannel { get; init; } = 250;

    /// <summary>Share of passing samples the perimeter check needs, 0–1; default 0.95.</summary>
    public double RequiredShare { get; init; } = 0.95;

    /// <summary>
    /// Pixels outside the product mask allowed to differ from exactly 255,255,255; default 0 (pure-white
    /// targets, checked on the composite before lossy encoding).
    /// </summary>
    public long MaxNonWhitePixels { get; init; }

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        Require(BorderBandWidth is >= 1 and <= 512, nameof(BorderBandWidth), "must be within 1–512");
        Require(SampleSpacing is >= 1 and <= 256, nameof(SampleSpacing), "must be within 1–256");
        Require(RequiredShare is >= 0 and <= 1, nameof(RequiredShare), "must be within 0–1");
        Require(MaxNonWhitePixels >= 0, nameof(MaxNonWhitePixels), "must not be negative");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, $"BackgroundComplianceOptions.{name} {message}.");
        }
    }
}
