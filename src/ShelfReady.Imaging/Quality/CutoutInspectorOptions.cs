namespace ShelfReady.Imaging.Quality;

/// <summary>Tuning of <see cref="CutoutInspector"/>; defaults set on the real calibration photographs.</summary>
public sealed record CutoutInspectorOptions
{
    /// <summary>Long side (px) of the proxy the matte is judged on. 256–2048, default 1024.</summary>
    public int ProxyLongSide { get; init; } = 1024;

    /// <summary>ΔE76 from the backdrop model under which a smooth pixel may be backdrop, at least. Default 5.</summary>
    public double MinBackdropDeltaE { get; init; } = 5;

    /// <summary>The backdrop threshold is at least this many backdrop σ. 1–20, default 4.</summary>
    public double NoiseMultiplier { get; init; } = 4;

    /// <summary>
    /// Smallest defect reported, as a share of the product's area. 0–0.1, default 0.002: a cut-off earring hook
    /// is about half a percent of the earring.
    /// </summary>
    public double MinDefectFraction { get; init; } = 0.002;

    /// <summary>
    /// Smallest kept-backdrop region reported, as a share of the product's area. 0–0.5, default 0.01: backdrop kept
    /// along an outline is mostly invisible on white, so only a sizeable piece counts.
    /// </summary>
    public double MinKeptBackdropFraction { get; init; } = 0.01;

    /// <summary>Backdrop σ (ΔE76) above which the removed area is a scene rather than a studio sweep. Default 6.</summary>
    public double SceneSigma { get; init; } = 6;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ProxyLongSide, 256, nameof(ProxyLongSide));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ProxyLongSide, 2048, nameof(ProxyLongSide));
        Require(MinBackdropDeltaE, 0.5, 50, nameof(MinBackdropDeltaE));
        Require(NoiseMultiplier, 1, 20, nameof(NoiseMultiplier));
        Require(MinDefectFraction, 0, 0.1, nameof(MinDefectFraction));
        Require(MinKeptBackdropFraction, 0, 0.5, nameof(MinKeptBackdropFraction));
        Require(SceneSigma, 0.5, 100, nameof(SceneSigma));
    }

    private static void Require(double value, double min, double max, string name)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be within [{min}, {max}].");
        }
    }
}
