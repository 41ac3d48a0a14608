using ShelfReady.Imaging.Color;

namespace ShelfReady.Imaging.Analysis;

/// <summary>An sRGB colour with fractional 8-bit channels (0–255), as produced by averaging pixels.</summary>
/// <param name="R">Red, 0–255.</param>
/// <param name="G">Green, 0–255.</param>
/// <param name="B">Blue, 0–255.</param>
public readonly record struct RgbColor(double R, double G, double B)
{
    /// <summary>The colour in CIE L*a*b* (D65), channels rounded to the nearest 8-bit value.</summary>
    public Lab ToLab() => ColorMath.ToLab(ToByte(R), ToByte(G), ToByte(B));

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
