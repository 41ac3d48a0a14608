namespace ShelfReady.Imaging.Compositing;

/// <summary>An 8-bit sRGB background colour, such as the measured tone of a studio sweep.</summary>
/// <param name="R">Red, 0–255.</param>
/// <param name="G">Green, 0–255.</param>
/// <param name="B">Blue, 0–255.</param>
public readonly record struct BackgroundTone(byte R, byte G, byte B)
{
    /// <summary>Pure white, the marketplace background.</summary>
    public static BackgroundTone White { get; } = new(255, 255, 255);

    /// <summary>The channel at an index: 0 red, 1 green, 2 blue.</summary>
    public byte this[int channel] => channel switch
    {
        0 => R,
        1 => G,
        2 => B,
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };
}
