namespace ShelfReady.Inference.Models;

/// <summary>
/// How a text detector's probability map becomes boxes (Differentiable Binarization post-processing); the card's
/// "detection". The defaults are PaddleOCR's inference defaults for its DB detectors.
/// </summary>
public sealed record DetectionSpec
{
    /// <summary>Probability above which a pixel is text, 0–1.</summary>
    public double Threshold { get; init; } = 0.3;

    /// <summary>Mean probability inside a box below which the box is dropped, 0–1.</summary>
    public double BoxThreshold { get; init; } = 0.6;

    /// <summary>How far a shrunk text kernel is grown back: offset = area · ratio / perimeter.</summary>
    public double UnclipRatio { get; init; } = 1.5;

    /// <summary>Boxes whose short side is below this many map pixels are dropped.</summary>
    public int MinSize { get; init; } = 3;

    /// <summary>Most candidate regions considered per image, largest first.</summary>
    public int MaxCandidates { get; init; } = 1000;

    /// <summary>Problems with this section, each a sentence naming the field; empty when valid.</summary>
    internal IEnumerable<string> Problems()
    {
        if (Threshold is not (> 0 and < 1) || BoxThreshold is not (>= 0 and < 1))
        {
            yield return $"detection.threshold must be in (0, 1) and detection.boxThreshold in [0, 1); they are {Threshold} and {BoxThreshold}.";
        }

        if (UnclipRatio is not (>= 0 and <= 10) || MinSize < 1 || MaxCandidates < 1)
        {
            yield return $"detection.unclipRatio must be in [0, 10], minSize and maxCandidates ≥ 1; they are {UnclipRatio}, {MinSize} and {MaxCandidates}.";
        }
    }
}
