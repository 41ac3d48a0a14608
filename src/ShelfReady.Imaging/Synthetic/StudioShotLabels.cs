using ShelfReady.Imaging.Analysis;

namespace ShelfReady.Imaging.Synthetic;

/// <summary>What is known about a synthetic shot by construction.</summary>
/// <param name="Category">Product category, e.g. electronics, cosmetics_tube, jewelry, glassware.</param>
/// <param name="Complexity">Expected complexity: the category's, raised to medium for a moderate or close colour match.</param>
/// <param name="Background">Backdrop kind.</param>
/// <param name="ProductMeanColor">Mean unpremultiplied product colour over pixels at least half covered.</param>
/// <param name="BackgroundTone">Mean backdrop colour over the frame, before shadows and noise.</param>
/// <param name="ProductBackgroundDeltaE">ΔE76 between the product's mean colour and the backdrop under it.</param>
public sealed record StudioShotLabels(
    string Category,
    ProductComplexity Complexity,
    BackgroundKind Background,
    RgbColor ProductMeanColor,
    RgbColor BackgroundTone,
    double ProductBackgroundDeltaE);
