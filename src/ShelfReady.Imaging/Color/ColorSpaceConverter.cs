using NetVips;

namespace ShelfReady.Imaging.Color;

/// <summary>Colour-managed conversions of sRGB working images with libvips's icc_transform (Little CMS).</summary>
public static class ColorSpaceConverter
{
    /// <summary>libvips's built-in sRGB profile name, accepted wherever libvips takes a profile file name.</summary>
    public const string SrgbProfileName = "srgb";

    /// <summary>
    /// Converts an sRGB image to Adobe RGB (1998), relative colorimetric, with the project's own profile attached.
    /// </summary>
    /// <param name="srgb">3-band sRGB image, 8 or 16 bit.</param>
    /// <param name="depth">Output bits per sample: 8 (uchar) or 16 (ushort, for print).</param>
    /// <returns>A new image the caller disposes.</returns>
    public static Image SrgbToAdobeRgb(Image srgb, int depth = 16)
    {
        ArgumentNullException.ThrowIfNull(srgb);
        if (depth is not (8 or 16))
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "Depth must be 8 or 16.");
        }

        // embedded: false, so a stray or wrong profile on the working image can never override the sRGB contract.
        return srgb.IccTransform(
            AdobeRgb1998.ProfilePath,
            intent: Enums.Intent.Relative,
            embedded: false,
            inputProfile: SrgbProfileName,
            depth: depth);
    }
}
