using ShelfReady.Imaging.Encoders;

namespace ShelfReady.Pipeline.Profiles;

/// <summary>A marketplace's image rules as data: canvas, background, fill, files and naming.</summary>
public sealed record PlatformProfile
{
    /// <summary>The profile's key, e.g. "amazon_main".</summary>
    public string Name { get; init; } = "";

    /// <summary>A human name.</summary>
    public string Description { get; init; } = "";

    /// <summary>Where the rules come from, so anyone can check them.</summary>
    public string Source { get; init; } = "";

    /// <summary>What may stand behind the product.</summary>
    public BackgroundRule Background { get; init; } = BackgroundRule.PureWhite;

    /// <summary>Share of the frame the product's larger side should span.</summary>
    public double TargetFill { get; init; } = 0.85;

    /// <summary>Whether the canvas is square.</summary>
    public bool Square { get; init; } = true;

    /// <summary>Output long side in pixels; null keeps the full resolution of the crop.</summary>
    public int? LongSide { get; init; }

    /// <summary>Smallest long side the platform accepts.</summary>
    public int MinLongSide { get; init; } = 1000;

    /// <summary>Largest long side the platform accepts.</summary>
    public int MaxLongSide { get; init; } = 10000;

    /// <summary>Largest pixel count the platform accepts.</summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>File name template, see ShelfReady.Pipeline.Naming.NameTemplate.</summary>
    public string NameTemplate { get; init; } = "{stem}.{ext}";

    /// <summary>Highest image index the platform numbers (Amazon: PT01–PT08); null for none.</summary>
    public int? MaxIndex { get; init; }

    /// <summary>What the platform refuses in what the image shows; every rule off by default.</summary>
    public ComplianceRules Compliance { get; init; } = new();

    /// <summary>The files written per image.</summary>
    public IReadOnlyList<OutputSpec> Outputs { get; init; } = [];

    /// <summary>Throws with the profile's name when a rule is impossible.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new InvalidOperationException("A platform profile has no name.");
        }

        Check(TargetFill is > 0 and <= 1, $"targetFill {TargetFill} must be in (0, 1].");
        Check(MinLongSide >= 1 && MinLongSide <= MaxLongSide, $"minLongSide {MinLongSide} must be between 1 and maxLongSide {MaxLongSide}.");
        Check(LongSide is null || (LongSide >= MinLongSide && LongSide <= MaxLongSide), $"longSide {LongSide} must lie within [{MinLongSide}, {MaxLongSide}].");
        Check(Outputs.Count > 0, "it writes no outputs.");
        foreach (var output in Outputs)
        {
            Check(output.Quality is >= 1 and <= 100, $"quality {output.Quality} must be 1–100.");
            Check(output.Effort is >= 0 and <= 6, $"effort {output.Effort} must be 0–6.");
            Check(output.BitDepth is 8 or 16, $"bitDepth {output.BitDepth} must be 8 or 16.");
            Check(output.BitDepth == 8 || output.Format is OutputFormat.Tiff or OutputFormat.Png, $"{output.Format} cannot hold 16-bit samples.");
        }
    }

    private void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Platform profile '{Name}': {problem}");
        }
    }
}
