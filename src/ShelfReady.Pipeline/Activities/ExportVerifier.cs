using System.Globalization;
using NetVips;
using ShelfReady.Imaging.Color;
using ShelfReady.Imaging.Encoders;
using ShelfReady.Imaging.Quality;
using ShelfReady.Pipeline.Profiles;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Opens an encoded export again and checks it against its platform: format, size, bit depth, colour
/// profile, resolution, byte limit, and a white (or, for a cut-out, transparent) border where the platform demands one.
/// </summary>
public static class ExportVerifier
{
    /// <summary>Throws <see cref="ExportVerificationException"/> naming every rule the file breaks.</summary>
    public static EncodedImageProperties Verify(byte[] file, PlatformProfile profile, OutputSpec output, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(output);
        var inspected = EncodedImageInspector.Inspect(file);
        var problems = new List<string>();
        Check(problems, inspected.Format == output.Format, $"format is {inspected.Format}, not {output.Format}");
        Check(problems, (inspected.Width, inspected.Height) == (width, height), $"size is {inspected.Width}×{inspected.Height}, not {width}×{height}");
        var longSide = Math.Max(inspected.Width, inspected.Height);
        Check(problems, longSide >= profile.MinLongSide && longSide <= profile.MaxLongSide, $"long side {longSide} is outside {profile.MinLongSide}–{profile.MaxLongSide}");
        Check(problems, (long)inspected.Width * inspected.Height <= profile.MaxPixels, $"{inspected.Width * (long)inspected.Height} pixels exceed {profile.MaxPixels}");
        Check(problems, inspected.BitDepth == output.BitDepth, $"bit depth is {inspected.BitDepth}, not {output.BitDepth}");
        Check(problems, output.MaxBytes is not { } max || file.LongLength <= max, $"{file.LongLength} bytes exceed {output.MaxBytes}");
        Check(problems, ProfileMatches(inspected.IccDescription, output.ColorProfile), $"embedded profile is '{inspected.IccDescription}', not {output.ColorProfile}");
        Check(problems, output.Dpi is not { } dpi || Math.Abs(inspected.Dpi - dpi) < 0.5, $"resolution is {inspected.Dpi:0.#} dpi, not {output.Dpi}");
        if (profile.Background == BackgroundRule.Transparent)
        {
            Check(problems, inspected.Bands == 4, $"it has {inspected.Bands} bands, not colour and alpha");
            if (problems.Count == 0)
            {
                CheckTransparentBorder(problems, file);
            }
        }
        else if (profile.Background != BackgroundRule.Any && problems.Count == 0)
        {
            CheckBorder(problems, file);
        }

        return problems.Count == 0
            ? inspected
            : throw new ExportVerificationException($"{profile.Name} {output.Format} export failed verification: {string.Join("; ", problems)}.");
    }

    private static bool ProfileMatches(string? description, EmbeddedProfile expected) => expected switch
    {
        EmbeddedProfile.AdobeRgb1998 => string.Equals(description, AdobeRgb1998.Description, StringComparison.Ordinal),
        EmbeddedProfile.Srgb => description is not null && description.Contains("sRGB", StringComparison.OrdinalIgnoreCase),
        _ => description is null,
    };

    // The border is checked in sRGB terms on the decoded file: an Adobe RGB or 16-bit white is white there too.
    private static void CheckBorder(List<string> problems, byte[] file)
    {
        using var decoded = Image.NewFromBuffer(file, access: Enums.Access.Random, failOn: Enums.FailOn.Error);
        using var srgb = decoded.Colourspace(Enums.Interpretation.Srgb);
        using var eightBit = srgb.Format == Enums.BandFormat.Uchar ? srgb.Copy() : srgb.Cast(Enums.BandFormat.Uchar);
        using var rgb = eightBit.Bands > 3 ? eightBit.ExtractBand(0, 3) : eightBit.Copy();
        var border = BackgroundCompliance.Measure(rgb);
        Check(problems, border.PerimeterPass, string.Create(CultureInfo.InvariantCulture, $"only {border.PassingShare:P1} of the border is white"));
    }

    // A cut-out framed with a margin has nothing but transparency along its edges; anything else is a product
    // cropped by the frame or a matte that kept the backdrop.
    private static void CheckTransparentBorder(List<string> problems, byte[] file)
    {
        using var decoded = Image.NewFromBuffer(file, access: Enums.Access.Random, failOn: Enums.FailOn.Error);
        using var alpha = decoded.ExtractBand(3);
        using var top = alpha.Crop(0, 0, alpha.Width, 1);
        using var bottom = alpha.Crop(0, alpha.Height - 1, alpha.Width, 1);
        using var left = alpha.Crop(0, 0, 1, alpha.Height);
        using var right = alpha.Crop(alpha.Width - 1, 0, 1, alpha.Height);
        var opaque = new[] { top, bottom, left, right }.Max(edge => edge.Max());
        Check(problems, opaque == 0, string.Create(CultureInfo.InvariantCulture, $"its edge is not transparent (alpha up to {opaque})"));
    }

    private static void Check(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
