using System.Globalization;
using NetVips;
using ShelfReady.Imaging.Color;
using ShelfReady.Imaging.Encoders;
using ShelfReady.Imaging.Quality;
using ShelfReady.Pipeline.Profiles;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Opens an encoded export again and checks it against its platform: format, size, bit depth, colour
/// profile, resolution, byte limit, and a white border where the platform demands one.
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
        if (profile.Background != BackgroundRule.Any && problems.Count == 0)
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

    private static void Check(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
