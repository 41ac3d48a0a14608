using ShelfReady.Imaging.Analysis;
using ShelfReady.Imaging.Color;

namespace ShelfReady.Imaging.Synthetic;

/// <summary>Draws product colours at a requested distance from the background by rejection sampling in sRGB.</summary>
internal static class Palette
{
    private const int MaxTries = 4000;

    public static RgbColor Pick(SplitMix random, RgbColor background, ColourContrast contrast)
    {
        var backgroundLab = background.ToLab();
        RgbColor candidate = default;
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            candidate = Candidate(random, background, contrast);
            if (Accepts(candidate.ToLab(), backgroundLab, contrast))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No {contrast} colour found near {background}.");
    }

    private static RgbColor Candidate(SplitMix random, RgbColor background, ColourContrast contrast)
    {
        if (contrast == ColourContrast.High)
        {
            return new RgbColor(random.Next(256), random.Next(256), random.Next(256));
        }

        var reach = contrast == ColourContrast.Moderate ? 48 : 26;
        return new RgbColor(
            Math.Round(Math.Clamp(background.R + random.Range(-reach, reach / 4.0), 0, 255)),
            Math.Round(Math.Clamp(background.G + random.Range(-reach, reach / 4.0), 0, 255)),
            Math.Round(Math.Clamp(background.B + random.Range(-reach, reach / 4.0), 0, 255)));
    }

    private static bool Accepts(Lab colour, Lab background, ColourContrast contrast)
    {
        var deltaE = ColorMath.DeltaE76(colour, background);
        var chromaShift = Math.Sqrt(Math.Pow(colour.A - background.A, 2) + Math.Pow(colour.B - background.B, 2));
        var chroma = Math.Sqrt((colour.A * colour.A) + (colour.B * colour.B));
        return contrast switch
        {
            // Light neutrals look like shadows to any colour-distance segmenter; "simple" promises good contrast.
            ColourContrast.High => deltaE >= 30 && !(colour.L > 70 && chroma < 12),
            ColourContrast.Moderate => deltaE is >= 11 and <= 20 && chromaShift >= 6,
            _ => deltaE is >= 6 and <= 9.5 && chromaShift >= 5,
        };
    }
}
