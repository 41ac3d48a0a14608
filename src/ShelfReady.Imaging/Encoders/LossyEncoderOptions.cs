namespace ShelfReady.Imaging.Encoders;

/// <summary>Settings of encoders with a quality factor, which the max-bytes mode can lower.</summary>
public abstract record LossyEncoderOptions : EncoderOptions
{
    /// <summary>Quality factor, 1–100.</summary>
    public int Quality { get; init; } = 90;

    /// <summary>The same settings at another quality.</summary>
    public LossyEncoderOptions WithQuality(int quality) => this with { Quality = quality };

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        Require(Quality is >= 1 and <= 100, nameof(Quality), "must be within 1–100");
        Require(BitDepth == 8, nameof(BitDepth), "must be 8 for this format");
    }
}
