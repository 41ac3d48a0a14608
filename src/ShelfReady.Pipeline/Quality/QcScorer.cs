using System.Globalization;

namespace ShelfReady.Pipeline.Quality;

/// <summary>
/// Scores a composed image 0–100 from four 25-point parts: background compliance, edge quality, product
/// fill (fill/target) and colour accuracy (ΔE between source and output product pixels).
/// </summary>
public static class QcScorer
{
    private const double PartMaximum = 25;

    /// <summary>Share of border samples that must be near-white for a full background part (Amazon's check is visual; 95% mirrors common compliance tools).</summary>
    public const double BorderPassRequired = 0.95;

    /// <summary>ΔE2000 at or under which colour is indistinguishable side by side: full colour points.</summary>
    public const double ColorDeltaEFree = 2;

    /// <summary>ΔE2000 at which colour points reach zero: an obviously different colour.</summary>
    public const double ColorDeltaEZero = 12;

    /// <summary>Scores the measurements against the thresholds.</summary>
    public static QcResult Score(QcMeasurements measured, QcThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(thresholds);
        var reasons = new List<string>();
        var background = ScoreBackground(measured, reasons);
        var edge = ScoreEdge(measured, reasons);
        var fill = ScoreFill(measured, reasons);
        var color = ScoreColor(measured, reasons);
        var score = (int)Math.Floor(background + edge + fill + color + 1e-9);
        return new QcResult(score, background, edge, fill, color, VerdictFor(score, thresholds), reasons, []);
    }

    private static double ScoreBackground(QcMeasurements measured, List<string> reasons)
    {
        var border = Math.Clamp(measured.BorderPassFraction / BorderPassRequired, 0, 1);
        var points = PartMaximum * border;
        if (border < 1)
        {
            reasons.Add(Say($"Only {measured.BorderPassFraction:P0} of the border is white (≥ {BorderPassRequired:P0} needed)."));
        }

        if (measured.NonWhiteBackgroundPixels > 0)
        {
            // A pure-white target tolerates no off-white background pixel: each one is visible on a listing page.
            points = Math.Min(points, PartMaximum * 0.5);
            reasons.Add(Say($"{measured.NonWhiteBackgroundPixels} background pixels are not pure white (255,255,255)."));
        }

        return points;
    }

    private static double ScoreEdge(QcMeasurements measured, List<string> reasons)
    {
        var quality = Math.Clamp(measured.EdgeQuality, 0, 1);
        if (quality < 0.9)
        {
            reasons.Add(Say($"Edge quality {quality:0.00}: halo or ragged cut-out edge."));
        }

        return PartMaximum * quality;
    }

    private static double ScoreFill(QcMeasurements measured, List<string> reasons)
    {
        var ratio = measured.TargetFill <= 0 ? 0 : Math.Clamp(measured.Fill / measured.TargetFill, 0, 1);
        if (ratio < 0.98)
        {
            reasons.Add(Say($"Product fills {measured.Fill:P0} of the frame; {measured.TargetFill:P0} is the target."));
        }

        return PartMaximum * ratio;
    }

    private static double ScoreColor(QcMeasurements measured, List<string> reasons)
    {
        var share = 1 - Math.Clamp((measured.ColorDeltaE - ColorDeltaEFree) / (ColorDeltaEZero - ColorDeltaEFree), 0, 1);
        if (share < 1)
        {
            reasons.Add(Say($"Product colour shifted by ΔE {measured.ColorDeltaE:0.0} from the source."));
        }

        return PartMaximum * share;
    }

    private static QcVerdict VerdictFor(int score, QcThresholds thresholds)
    {
        if (score >= thresholds.AutoApprove)
        {
            return QcVerdict.AutoApprove;
        }

        return score >= thresholds.Review ? QcVerdict.Review : QcVerdict.Redo;
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
