namespace ShelfReady.Inference.Segmentation;

/// <summary>Settings of <see cref="MaskRefiner"/>'s guided filter.</summary>
public sealed class MaskRefinerOptions
{
    /// <summary>
    /// Filter radius in full-resolution pixels, 0–512; 0 picks twice the up-sampling factor (at least 2), which
    /// covers the band a bilinear up-sampling leaves uncertain. Default 0.
    /// </summary>
    public int Radius { get; set; }

    /// <summary>
    /// Regularisation ε on [0, 1] intensities, (0, 1]: smaller follows image edges more closely, larger keeps more
    /// of the model's own mask. Default 1e-4 (an edge contrast of about 0.01 is the break-even).
    /// </summary>
    public double Epsilon { get; set; } = 1e-4;

    /// <summary>
    /// Factor by which the up-sampled mask's transition is steepened around 0.5 before filtering, 1–16. Up-sampling
    /// blurs edges; steepening lets the filter fit 0 and 1 on either side of the photo's edge instead of the blur.
    /// Default 4.
    /// </summary>
    public double EdgeContrast { get; set; } = 4;

    /// <summary>
    /// Coefficients are computed at 1/Subsample resolution and up-sampled (He &amp; Sun's fast guided filter), 0–64;
    /// 0 picks half the up-sampling factor. 1 computes them at full resolution. Default 0.
    /// </summary>
    public int Subsample { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Radius is < 0 or > 512)
        {
            throw new ArgumentException($"MaskRefinerOptions.Radius must be within [0, 512]; it is {Radius}.", nameof(Radius));
        }

        if (double.IsNaN(Epsilon) || Epsilon <= 0 || Epsilon > 1)
        {
            throw new ArgumentException($"MaskRefinerOptions.Epsilon must be within (0, 1]; it is {Epsilon}.", nameof(Epsilon));
        }

        if (double.IsNaN(EdgeContrast) || EdgeContrast < 1 || EdgeContrast > 16)
        {
            throw new ArgumentException($"MaskRefinerOptions.EdgeContrast must be within [1, 16]; it is {EdgeContrast}.", nameof(EdgeContrast));
        }

        if (Subsample is < 0 or > 64)
        {
            throw new ArgumentException($"MaskRefinerOptions.Subsample must be within [0, 64]; it is {Subsample}.", nameof(Subsample));
        }
    }
}
