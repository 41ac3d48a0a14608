using ShelfReady.Imaging.Color;

namespace ShelfReady.Imaging.Compositing;

/// <summary>
/// Per-channel gains in linear light that map a measured background tone to neutral white, correcting
/// exposure and colour cast together. Each gain is at least 1 (a reference can only be at or below white) and
/// at most the cap, so a dark or strongly tinted reference cannot blow the product out.
/// </summary>
/// <param name="R">Red gain.</param>
/// <param name="G">Green gain.</param>
/// <param name="B">Blue gain.</param>
public readonly record struct WhiteBalanceGains(double R, double G, double B)
{
    /// <summary>No correction.</summary>
    public static WhiteBalanceGains Identity { get; } = new(1, 1, 1);

    /// <summary>The gains that take the reference to white, each capped.</summary>
    /// <param name="reference">Measured background tone.</param>
    /// <param name="maxGain">Largest gain per channel, at least 1.</param>
    public static WhiteBalanceGains FromReference(BackgroundTone reference, double maxGain)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGain, 1.0);
        return new WhiteBalanceGains(
            Gain(reference.R, maxGain), Gain(reference.G, maxGain), Gain(reference.B, maxGain));
    }

    /// <summary>
    /// A 256-entry, 3-band lookup table (interleaved RGB) applying the gains to 8-bit sRGB values: decode to
    /// linear light, multiply, clip at white, encode.
    /// </summary>
    internal byte[] BuildLookupTable()
    {
        var table = new byte[256 * 3];
        ReadOnlySpan<double> gains = [R, G, B];
        for (var value = 0; value < 256; value++)
        {
            var linear = ColorMath.SrgbToLinear((byte)value);
            for (var channel = 0; channel < 3; channel++)
            {
                table[(value * 3) + channel] = EncodeSrgb(Math.Min(1.0, linear * gains[channel]));
            }
        }

        return table;
    }

    private static double Gain(byte reference, double maxGain)
    {
        var linear = ColorMath.SrgbToLinear(reference);
        return linear <= 1.0 / maxGain ? maxGain : 1.0 / linear;
    }

    private static byte EncodeSrgb(double linear)
    {
        var encoded = linear <= 0.0031308 ? linear * 12.92 : (1.055 * Math.Pow(linear, 1 / 2.4)) - 0.055;
        return (byte)Math.Clamp(Math.Round(encoded * 255.0), 0, 255);
    }
}
