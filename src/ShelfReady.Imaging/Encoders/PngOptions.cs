namespace ShelfReady.Imaging.Encoders;

/// <summary>PNG settings; <see cref="EncoderOptions.BitDepth"/> may be 8 or 16.</summary>
public sealed record PngOptions : EncoderOptions
{
    /// <inheritdoc/>
    public override OutputFormat Format => OutputFormat.Png;

    /// <summary>zlib compression level 0–9; default 6, a good time/size balance.</summary>
    public int CompressionLevel { get; init; } = 6;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        Require(CompressionLevel is >= 0 and <= 9, nameof(CompressionLevel), "must be within 0–9");
    }
}
