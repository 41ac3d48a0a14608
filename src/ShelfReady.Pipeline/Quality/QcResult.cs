namespace ShelfReady.Pipeline.Quality;

/// <summary>The QC score with its four 25-point parts and the reasons behind lost points.</summary>
/// <param name="Score">Total 0–100, rounded down so a score never looks better than its parts.</param>
/// <param name="Background">Background compliance, 0–25.</param>
/// <param name="Edge">Edge quality, 0–25.</param>
/// <param name="Fill">Product fill, 0–25.</param>
/// <param name="Color">Colour accuracy, 0–25.</param>
/// <param name="Verdict">What the thresholds make of the score.</param>
/// <param name="Reasons">Sentences naming each part that lost points.</param>
/// <param name="Findings">What was found and where, for the review page's overlays; empty when nothing was.</param>
public sealed record QcResult(
    int Score,
    double Background,
    double Edge,
    double Fill,
    double Color,
    QcVerdict Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<QcFinding> Findings);
