namespace ShelfReady.Imaging.Quality;

/// <summary>One defect of a matte, where it is and how large.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Left">Left of its bounds, in the photo's pixels.</param>
/// <param name="Top">Top of its bounds.</param>
/// <param name="Width">Width of its bounds.</param>
/// <param name="Height">Height of its bounds.</param>
/// <param name="AreaFraction">Its area over the product's area (for <see cref="CutoutDefectKind.TouchesFrame"/>, the share of the frame edge it covers).</param>
/// <param name="Contrast">Mean ΔE76 of its pixels from the backdrop model, how unlike (lost) or like (kept) backdrop they are.</param>
public sealed record CutoutDefect(CutoutDefectKind Kind, int Left, int Top, int Width, int Height, double AreaFraction, double Contrast);
