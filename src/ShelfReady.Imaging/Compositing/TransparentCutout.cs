using NetVips;

namespace ShelfReady.Imaging.Compositing;

/// <summary>
/// The product with its matte as alpha, as a designer wants it: recovered from a white composite rather than
/// composed a second time, so the cut-out carries exactly the decontaminated, white-balanced colours and the
/// framing the marketplace images have. A composite pixel is C = αF + (1 − α)·255, so F = (C − 255 + m)·255 / m
/// with m the matte value; where the matte is 0 the pixel is fully transparent.
/// </summary>
public static class TransparentCutout
{
    /// <summary>Builds the 4-band uchar sRGB cut-out.</summary>
    /// <param name="composite">A white composite: 3-band uchar sRGB.</param>
    /// <param name="matte">Its placed matte: 1-band uchar, same size, 255 = product.</param>
    /// <exception cref="ArgumentException">Wrong image layout.</exception>
    public static Image FromComposite(Image composite, Image matte)
    {
        ArgumentNullException.ThrowIfNull(composite);
        ArgumentNullException.ThrowIfNull(matte);
        if (composite.Bands != 3 || composite.Format != Enums.BandFormat.Uchar)
        {
            throw new ArgumentException("The composite must be 3-band uchar sRGB.", nameof(composite));
        }

        if (matte.Bands != 1 || matte.Format != Enums.BandFormat.Uchar || matte.Width != composite.Width || matte.Height != composite.Height)
        {
            throw new ArgumentException("The matte must be 1-band uchar and the composite's size.", nameof(matte));
        }

        using var m = matte.Cast(Enums.BandFormat.Float);
        using var empty = m < 1;
        using var divisor = empty.Ifthenelse(1.0, m);
        using var offset = composite - 255;
        using var lifted = offset + m;
        using var scaled = lifted * 255;
        using var foreground = scaled / divisor;
        using var negative = foreground < 0;
        using var floored = negative.Ifthenelse(0.0, foreground);
        using var over = floored > 255;
        using var clamped = over.Ifthenelse(255.0, floored);
        using var rounded = clamped + 0.5;
        using var colour = rounded.Cast(Enums.BandFormat.Uchar);

        // Transparent pixels keep white colour, so a viewer that ignores alpha still shows the white composite.
        using var transparent = matte.Equal(0);
        using var shown = transparent.Ifthenelse(composite, colour);
        using var joined = shown.Bandjoin(matte);
        return joined.Copy(interpretation: Enums.Interpretation.Srgb);
    }
}
