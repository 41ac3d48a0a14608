using ShelfReady.Imaging.Quality;

namespace ShelfReady.Imaging.Compositing;

/// <summary>Settings of <see cref="StudioCompositor"/>. Defaults give an Amazon main image.</summary>
public sealed record CompositeOptions
{
    /// <summary>
    /// Share of the frame the product spans along its binding dimension, as defined by <see cref="FillRatio"/>;
    /// 0.05–1, default 0.85.
    /// </summary>
    public double TargetFill { get; init; } = 0.85;

    /// <summary>Output long side in pixels, 64–10000, default 2000.</summary>
    public int OutputLongSide { get; init; } = 2000;

    /// <summary>Canvas shape, default square.</summary>
    public CanvasShape Shape { get; init; } = CanvasShape.Square;

    /// <summary>Whether edge colours are recovered from the old background's contribution; default true.</summary>
    public bool Decontaminate { get; init; } = true;

    /// <summary>Whether the background reference is mapped to neutral white; default true.</summary>
    public bool NormalizeWhiteBalance { get; init; } = true;

    /// <summary>
    /// The shoot's background tone, shared by every image of a shoot group; null measures it on this image
    /// (median of the background pixels in the cropped region).
    /// </summary>
    public BackgroundTone? BackgroundReference { get; init; }

    /// <summary>Largest linear-light gain per channel for white balance, 1–4, default 2 (one stop).</summary>
    public double MaxGain { get; init; } = 2.0;

    /// <summary>
    /// Matte values up to this one count as background after resampling, so segmentation noise cannot leave
    /// near-white specks on the white; 0–32, default 16. The classical segmenter's refined edge band leaves
    /// isolated values up to about 10 in noisy backgrounds, which on white make specks one to six levels off
    /// 255: invisible as product, fatal to a pure-white check.
    /// </summary>
    public byte MatteNoiseFloor { get; init; } = 16;

    /// <summary>Matte value from which a pixel counts as product when measuring bounds; default 128.</summary>
    public byte FillThreshold { get; init; } = FillRatio.DefaultThreshold;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        Require(TargetFill is >= 0.05 and <= 1.0, nameof(TargetFill), "must be within 0.05–1");
        Require(OutputLongSide is >= 64 and <= 10000, nameof(OutputLongSide), "must be within 64–10000");
        Require(Enum.IsDefined(Shape), nameof(Shape), "is not a known shape");
        Require(MaxGain is >= 1.0 and <= 4.0, nameof(MaxGain), "must be within 1–4");
        Require(MatteNoiseFloor <= 32, nameof(MatteNoiseFloor), "must be within 0–32");
        Require(FillThreshold > MatteNoiseFloor, nameof(FillThreshold), "must be above MatteNoiseFloor");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, $"CompositeOptions.{name} {message}.");
        }
    }
}
