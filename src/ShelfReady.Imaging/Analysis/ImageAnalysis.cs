namespace ShelfReady.Imaging.Analysis;

/// <summary>Everything the router needs to know about a photo and its matte, measured in one pass.</summary>
/// <param name="Background">Background tone, gradient, vignette and noise.</param>
/// <param name="Edge">Edge-complexity score and its components.</param>
/// <param name="ColorMatch">Colour-match risk between the product's edge and its local background.</param>
/// <param name="Complexity">The edge score mapped by the thresholds given to the analyzer.</param>
public sealed record ImageAnalysis(BackgroundModel Background, EdgeComplexity Edge, ColorMatch ColorMatch, ProductComplexity Complexity);
