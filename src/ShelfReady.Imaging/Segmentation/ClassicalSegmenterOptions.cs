namespace ShelfReady.Imaging.Segmentation;

/// <summary>Tuning of <see cref="ClassicalSegmenter"/>; the defaults suit studio shots on white to light-grey sweeps.</summary>
public sealed record ClassicalSegmenterOptions
{
    /// <summary>
    /// Long side (px) the proxy may not exceed; the mask is found on it and full resolution is only touched on the
    /// edge band. Inputs are shrunk by the smallest integer factor that fits: a 4000×3000 photo works on 800×600,
    /// a 1000×800 one on 500×400. 256–4096, default 800.
    /// </summary>
    public int ProxyLongSide { get; init; } = 800;

    /// <summary>Width of the frame border used to model the background, as a fraction of the short side. 0.005–0.2, default 0.03.</summary>
    public double BorderFraction { get; init; } = 0.03;

    /// <summary>ΔE76 from the background model that seeds the product. Default 4.5; raised automatically on noisy frames.</summary>
    public double HighThreshold { get; init; } = 4.5;

    /// <summary>ΔE76 down to which seeded regions grow (hysteresis). Default 2.5; must not exceed <see cref="HighThreshold"/>.</summary>
    public double LowThreshold { get; init; } = 2.5;

    /// <summary>Thresholds are at least this many border noise σ (ΔE76) so noise never seeds the product. 1–20, default 5.</summary>
    public double NoiseMultiplier { get; init; } = 5;

    /// <summary>Keep soft shadows as part of the product instead of treating them as background. Default false.</summary>
    public bool KeepShadows { get; init; }

    /// <summary>
    /// A pixel darker than the background but no darker than this L* ratio, and nearly neutral relative to it,
    /// counts as shadow. 0.3–1, default 0.72: studio contact shadows rarely take more than a quarter of L*.
    /// </summary>
    public double ShadowMinLightnessRatio { get; init; } = 0.72;

    /// <summary>Chroma shift (ΔE in a*b*) up to which a darker pixel still counts as a neutral shadow. 0–20, default 3.5.</summary>
    public double ShadowMaxChroma { get; init; } = 3.5;

    /// <summary>Fill enclosed background-coloured regions (white labels, highlights). Default true.</summary>
    public bool FillHoles { get; init; } = true;

    /// <summary>Components smaller than this fraction of the largest are dropped as specks. 0–1, default 0.02.</summary>
    public double MinComponentFraction { get; init; } = 0.02;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ProxyLongSide, 256, nameof(ProxyLongSide));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ProxyLongSide, 4096, nameof(ProxyLongSide));
        RequireRange(BorderFraction, 0.005, 0.2, nameof(BorderFraction));
        RequireRange(HighThreshold, 0.5, 100, nameof(HighThreshold));
        RequireRange(LowThreshold, 0.25, HighThreshold, nameof(LowThreshold));
        RequireRange(NoiseMultiplier, 1, 20, nameof(NoiseMultiplier));
        RequireRange(ShadowMinLightnessRatio, 0.3, 1, nameof(ShadowMinLightnessRatio));
        RequireRange(ShadowMaxChroma, 0, 20, nameof(ShadowMaxChroma));
        RequireRange(MinComponentFraction, 0, 1, nameof(MinComponentFraction));
    }

    private static void RequireRange(double value, double min, double max, string name)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be within [{min}, {max}].");
        }
    }
}
