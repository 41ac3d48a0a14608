namespace ShelfReady.Imaging.Encoders;

/// <summary>
/// TIFF settings; <see cref="EncoderOptions.BitDepth"/> may be 8 or 16. The print profile is 16-bit, Adobe RGB,
/// 300 dpi.
/// </summary>
public sealed record TiffOptions : EncoderOptions
{
    /// <inheritdoc/>
    public override OutputFormat Format => OutputFormat.Tiff;

    /// <summary>Compression; default Deflate.</summary>
    public TiffCompression Compression { get; init; } = TiffCompression.Deflate;

    /// <summary>Resolution written to the file in dots per inch, 1–10000; default 300 (print).</summary>
    public double Dpi { get; init; } = 300;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        Require(Enum.IsDefined(Compression), nameof(Compression), "is not a known compression");
        Require(Dpi is >= 1 and <= 10000, nameof(Dpi), "must be within 1–10000");
    }
}
