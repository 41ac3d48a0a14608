using System.Globalization;
using ShelfReady.Imaging.Quality;

namespace ShelfReady.Pipeline.Quality;

/// <summary>
/// Scores a cut-out 0–100 from four 25-point parts, each driven by something that can go wrong on a real photo:
/// background (border whiteness, off-white pixels, backdrop or shadow kept in the cut-out, a scene instead of a
/// backdrop), edge (halo, product cut away, bites, holes only the matte has), fill (fill against the target, a
/// product cropped by the photo's frame, product lost beyond the framed bounds) and colour (ΔE between source and
/// output product). Every defect found against the source photo costs enough to leave auto-approval on its own.
/// </summary>
public static class QcScorer
{
    private const double PartMaximum = 25;

    /// <summary>What one significant defect costs at least: enough to take a perfect image below the auto-approve threshold.</summary>
    public const double DefectCost = 11;

    /// <summary>Area share of the product (beyond the reporting floor) over which a defect's cost climbs from <see cref="DefectCost"/> to the whole part.</summary>
    public const double DefectCostRamp = 0.05;

    /// <summary>Lost share of the product at which the fill part is gone too: the frame was fitted to the wrong outline.</summary>
    public const double LostFillZero = 0.2;

    /// <summary>Share of border samples that must be near-white for a full background part (Amazon's check is visual; 95% mirrors common compliance tools).</summary>
    public const double BorderPassRequired = 0.95;

    /// <summary>ΔE2000 at or under which colour is indistinguishable side by side: full colour points.</summary>
    public const double ColorDeltaEFree = 2;

    /// <summary>ΔE2000 at which colour points reach zero: an obviously different colour.</summary>
    public const double ColorDeltaEZero = 12;

    /// <summary>Fill over target down to which only proportional points are lost.</summary>
    public const double FillShortfallTolerated = 0.95;

    /// <summary>ΔE76 from the backdrop at which a lost or kept region is fully visible on white.</summary>
    public const double VisibleDeltaE = 20;

    /// <summary>Regions reported per defect kind, largest first; the score counts them all.</summary>
    public const int MaxFindingsPerKind = 8;

    /// <summary>Edge quality under which the halo is reported as a finding.</summary>
    public const double HaloFindingBelow = 0.75;

    /// <summary>Scores the measurements against the thresholds.</summary>
    public static QcResult Score(QcMeasurements measured, QcThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(thresholds);
        var sheet = new ScoreSheet(measured.ProductRegion);
        ScoreBackground(measured, sheet);
        ScoreEdge(measured, sheet);
        ScoreFill(measured, sheet);
        ScoreColor(measured, sheet);
        foreach (var kind in measured.Defects.GroupBy(d => d.Kind))
        {
            ScoreDefects(kind.Key, [.. kind], sheet);
        }

        var (background, edge, fill, color) = (sheet.Points(QcParts.Background), sheet.Points(QcParts.Edge), sheet.Points(QcParts.Fill), sheet.Points(QcParts.Color));
        var score = (int)Math.Floor(background + edge + fill + color + 1e-9);
        return new QcResult(score, background, edge, fill, color, VerdictFor(score, thresholds), sheet.Reasons, sheet.Findings);
    }

    private static void ScoreBackground(QcMeasurements measured, ScoreSheet sheet)
    {
        var border = Math.Clamp(measured.BorderPassFraction / BorderPassRequired, 0, 1);
        if (border < 1)
        {
            sheet.Lose(QcParts.Background, PartMaximum * (1 - border), QcFindingCodes.OffWhiteBackground, Say($"Only {measured.BorderPassFraction:P0} of the border is white (≥ {BorderPassRequired:P0} needed)."));
        }

        if (measured.NonWhiteBackgroundPixels > 0)
        {
            // A pure-white target tolerates no off-white background pixel: each one is visible on a listing page.
            sheet.LoseDownTo(QcParts.Background, PartMaximum * 0.5, QcFindingCodes.OffWhiteBackground, Say($"{measured.NonWhiteBackgroundPixels} background pixels are not pure white (255,255,255)."));
        }
    }

    private static void ScoreEdge(QcMeasurements measured, ScoreSheet sheet)
    {
        var quality = Math.Clamp(measured.EdgeQuality, 0, 1);
        if (quality < 1)
        {
            sheet.Lose(QcParts.Edge, PartMaximum * (1 - quality), quality < HaloFindingBelow ? QcFindingCodes.Halo : null, Say($"Edge quality {quality:0.00}: halo or ragged cut-out edge."));
        }
    }

    private static void ScoreFill(QcMeasurements measured, ScoreSheet sheet)
    {
        var ratio = measured.TargetFill <= 0 ? 0 : Math.Clamp(measured.Fill / measured.TargetFill, 0, 1);
        if (ratio >= 0.98)
        {
            return;
        }

        // A few percent short is framing noise; more is a listing the platform may refuse, so it leaves auto-approval.
        var points = ratio >= FillShortfallTolerated
            ? PartMaximum * (1 - ratio)
            : DefectCost + ((PartMaximum - DefectCost) * Math.Clamp((FillShortfallTolerated - ratio) / FillShortfallTolerated, 0, 1));
        sheet.Lose(QcParts.Fill, points, QcFindingCodes.Underfilled, Say($"Product fills {measured.Fill:P0} of the frame; {measured.TargetFill:P0} is the target."));
    }

    private static void ScoreColor(QcMeasurements measured, ScoreSheet sheet)
    {
        var share = 1 - Math.Clamp((measured.ColorDeltaE - ColorDeltaEFree) / (ColorDeltaEZero - ColorDeltaEFree), 0, 1);
        if (share < 1)
        {
            sheet.Lose(QcParts.Color, PartMaximum * (1 - share), QcFindingCodes.ColorShift, Say($"Product colour shifted by ΔE {measured.ColorDeltaE:0.0} from the source."));
        }
    }

    /// <summary>
    /// Scores all defects of one kind together: their visible area (area weighted by how far their colour is from
    /// the backdrop, which the composite turns white) sets the part's loss once, and each region is a finding.
    /// </summary>
    private static void ScoreDefects(CutoutDefectKind kind, List<CutoutDefect> defects, ScoreSheet sheet)
    {
        var share = defects.Sum(d => d.AreaFraction);
        var visible = defects.Sum(d => d.AreaFraction * Visibility(d));
        var cost = Math.Min(PartMaximum, DefectCost + ((PartMaximum - DefectCost) * Math.Clamp(visible / DefectCostRamp, 0, 1)));
        var regions = defects.OrderByDescending(d => d.AreaFraction).Take(MaxFindingsPerKind).ToList();
        var contrast = defects.Max(d => d.Contrast);
        var (part, code, reason) = kind switch
        {
            CutoutDefectKind.LostProduct => (QcParts.Edge, QcFindingCodes.LostProduct, Say($"The cut-out removed {share:P1} of the product's area that does not look like the backdrop (up to ΔE {contrast:0} from it).")),
            CutoutDefectKind.BoundaryBite => (QcParts.Edge, QcFindingCodes.BoundaryBite, Say($"Bites totalling {share:P1} of the product are cut out of its outline.")),
            CutoutDefectKind.MatteHole => (QcParts.Edge, QcFindingCodes.MatteHole, Say($"The matte has holes ({share:P1} of the product) where the photo shows product.")),
            CutoutDefectKind.KeptBackdrop => (QcParts.Background, QcFindingCodes.KeptBackdrop, Say($"Backdrop kept along the outline: {share:P1} of the cut-out looks like the backdrop.")),
            CutoutDefectKind.DetachedFragment => (QcParts.Background, QcFindingCodes.DetachedFragment, Say($"Detached fragments of backdrop or shadow ({share:P1} of the product's area) were kept beside the product.")),
            CutoutDefectKind.TouchesFrame => (QcParts.Fill, QcFindingCodes.TouchesFrame, Say($"The product runs into the photo's frame edge on {defects.Count} side(s): it is probably cropped.")),
            CutoutDefectKind.SceneBackdrop => (QcParts.Background, QcFindingCodes.SceneBackdrop, Say($"The background is a scene, not a studio backdrop (spread ΔE {contrast:0.0}): the cut-out cannot be checked against it.")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown defect kind."),
        };
        var fixedCost = kind is CutoutDefectKind.TouchesFrame or CutoutDefectKind.SceneBackdrop;
        sheet.Lose(part, fixedCost ? DefectCost : cost, null, reason);
        foreach (var defect in regions)
        {
            sheet.Find(part, code, reason, new QcRegion(defect.Left, defect.Top, defect.Width, defect.Height), fixedCost ? 0 : defect.AreaFraction);
        }

        if (kind == CutoutDefectKind.LostProduct)
        {
            sheet.Lose(QcParts.Fill, PartMaximum * Math.Clamp(share / LostFillZero, 0, 1), null, Say($"Framing was fitted to an outline missing {share:P1} of the product."));
        }
    }

    /// <summary>How visible a defect is on white, 0.25–1: a region within a few ΔE of the backdrop nearly vanishes when the backdrop is mapped to white, but never wholly, because the cut-out itself keeps it.</summary>
    private static double Visibility(CutoutDefect defect) =>
        defect.Kind is CutoutDefectKind.TouchesFrame or CutoutDefectKind.SceneBackdrop ? 1 : Math.Clamp(defect.Contrast / VisibleDeltaE, 0.25, 1);

    private static QcVerdict VerdictFor(int score, QcThresholds thresholds)
    {
        if (score >= thresholds.AutoApprove)
        {
            return QcVerdict.AutoApprove;
        }

        return score >= thresholds.Review ? QcVerdict.Review : QcVerdict.Redo;
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Points lost per part, the reasons and the findings, as the parts are scored.</summary>
    private sealed class ScoreSheet(QcRegion productRegion)
    {
        private readonly Dictionary<string, double> lost = [];

        public List<string> Reasons { get; } = [];

        public List<QcFinding> Findings { get; } = [];

        public double Points(string part) => Math.Max(0, PartMaximum - lost.GetValueOrDefault(part));

        public void Lose(string part, double points, string? code, string reason, QcRegion? region = null, double area = 0)
        {
            lost[part] = lost.GetValueOrDefault(part) + points;
            Reasons.Add(reason);
            if (code is not null)
            {
                Findings.Add(new QcFinding(part, code, reason, region ?? productRegion, area));
            }
        }

        public void Find(string part, string code, string reason, QcRegion region, double area) =>
            Findings.Add(new QcFinding(part, code, reason, region, area));

        public void LoseDownTo(string part, double remaining, string code, string reason) =>
            Lose(part, Math.Max(0, Points(part) - remaining), code, reason);
    }
}
