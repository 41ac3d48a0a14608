namespace ShelfReady.Imaging.Encoders;

/// <summary>WebP settings. Effort dominates export cost, so it is a profile setting.</summary>
public sealed record WebpOptions : LossyEncoderOptions
{
    /// <summary>Creates WebP settings at the usual web quality, 85.</summary>
    public WebpOptions() => Quality = 85;

    /// <inheritdoc/>
    public override OutputFormat Format => OutputFormat.WebP;

    /// <summary>CPU effort 0 (fastest) to 6 (smallest); default 4, libvips's default.</summary>
    public int Effort { get; init; } = 4;

    /// <summary>Lossless encoding; Quality then trades time for size instead of fidelity.</summary>
    public bool Lossless { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        Require(Effort is >= 0 and <= 6, nameof(Effort), "must be within 0–6");
    }
}
