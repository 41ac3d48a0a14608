namespace ShelfReady.Imaging.Color;

/// <summary>A CIE L*a*b* colour under D65.</summary>
/// <param name="L">Lightness, 0–100.</param>
/// <param name="A">Green–red axis.</param>
/// <param name="B">Blue–yellow axis.</param>
public readonly record struct Lab(double L, double A, double B);
