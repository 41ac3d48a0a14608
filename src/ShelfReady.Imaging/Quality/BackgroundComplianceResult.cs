namespace ShelfReady.Imaging.Quality;

/// <summary>The outcome of a <see cref="BackgroundCompliance"/> measurement.</summary>
/// <param name="Samples">Border samples taken.</param>
/// <param name="PassingSamples">Samples with every channel at or above the minimum.</param>
/// <param name="PerimeterPass">Whether the passing share reached the required share.</param>
/// <param name="PixelsOutsideProduct">Pixels where the mask is 0; null when no mask was given.</param>
/// <param name="NonWhiteOutsideProduct">Of those, pixels not exactly 255,255,255; null without a mask.</param>
/// <param name="Pass">Perimeter passed and, with a mask, non-white pixels within the allowance.</param>
public sealed record BackgroundComplianceResult(
    int Samples,
    int PassingSamples,
    bool PerimeterPass,
    long? PixelsOutsideProduct,
    long? NonWhiteOutsideProduct,
    bool Pass)
{
    /// <summary>Share of passing border samples, 0–1.</summary>
    public double PassingShare => Samples == 0 ? 0 : (double)PassingSamples / Samples;

    /// <summary>Share of the pixels outside the product that are not pure white, 0–1; 0 without a mask.</summary>
    public double NonWhiteShare =>
        PixelsOutsideProduct is > 0 ? (double)NonWhiteOutsideProduct!.Value / PixelsOutsideProduct.Value : 0;

    /// <summary>Score for QC, 0–1: the passing share times the pure-white share outside the product.</summary>
    public double Score => PassingShare * (1 - NonWhiteShare);
}
