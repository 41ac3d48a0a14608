using System.Globalization;
using ShelfReady.Pipeline.Profiles;
using ShelfReady.Pipeline.Settings;

namespace ShelfReady.Pipeline.Compliance;

/// <summary>Applies a platform's <see cref="ComplianceRules"/> to a photo's <see cref="ComplianceEvidence"/>.</summary>
public static class ComplianceJudge
{
    /// <summary>The verdict of each platform the merchant exports to, as the exports will report them.</summary>
    /// <param name="catalog">The platform profiles.</param>
    /// <param name="settings">The merchant's platforms and profile overrides.</param>
    /// <param name="evidence">What the photo shows.</param>
    /// <param name="namingValues">The upload's naming values; "pieces" declares a multi-pack.</param>
    public static IReadOnlyList<ComplianceReport> JudgeAll(PlatformProfileCatalog catalog, MerchantSettings settings, ComplianceEvidence evidence, IReadOnlyDictionary<string, string?> namingValues)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        var profiles = catalog.For(settings);
        return settings.Platforms.Select(platform => Judge(platform, profiles.Get(platform).Compliance, evidence, DeclaredPieces(namingValues))).ToList();
    }

    /// <summary>The multi-pack count an upload declares (sidecar or manifest) with a positive "pieces" naming value; null when it declares none.</summary>
    public static int? DeclaredPieces(IReadOnlyDictionary<string, string?> namingValues)
    {
        ArgumentNullException.ThrowIfNull(namingValues);
        return namingValues.TryGetValue("pieces", out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pieces) && pieces > 0 ? pieces : null;
    }

    /// <summary>The verdict for <paramref name="platform"/>; <paramref name="declaredPieces"/> is the multi-pack count the upload declares, if any.</summary>
    public static ComplianceReport Judge(string platform, ComplianceRules rules, ComplianceEvidence evidence, int? declaredPieces)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(evidence);
        var refused = new List<string>();
        var fixable = new List<string>();
        var notes = new List<string>();
        if (rules.NoOverlayText)
        {
            CheckText(evidence, refused, notes);
        }

        if (rules.NoBorder && evidence.Border)
        {
            fixable.Add("The photo has a border or frame around it; crop it off and upload again.");
        }

        if (rules.WholeProductInFrame && evidence.CutEdges.Count > 0)
        {
            refused.Add($"The product is cut off by the frame's {string.Join(" and ", evidence.CutEdges)} edge; the whole product must be in the photo.");
        }

        var allowed = Math.Max(rules.MaxSeparateObjects ?? int.MaxValue, declaredPieces ?? 0);
        if (evidence.SeparateObjects > allowed)
        {
            fixable.Add($"{evidence.SeparateObjects} separate objects are in the photo; show one product (at most {allowed} parts), or declare a multi-pack with \"pieces\" in the sidecar.");
        }

        if (rules.StudioBackdrop && evidence.Scene)
        {
            refused.Add(string.Create(CultureInfo.InvariantCulture, $"The photo is a scene, not a studio shot (backdrop texture {evidence.BackdropTexture:0.0}, spread {evidence.BackdropSpread:0.0}); lifestyle and people shots are for secondary images."));
        }

        var verdict = refused.Count > 0 ? ComplianceVerdict.NotAllowed : fixable.Count > 0 ? ComplianceVerdict.Fix : ComplianceVerdict.Compliant;
        return new ComplianceReport(platform, verdict, [.. refused, .. fixable], notes);
    }

    private static void CheckText(ComplianceEvidence evidence, List<string> refused, List<string> notes)
    {
        if (evidence.TextDetector is null)
        {
            notes.Add($"Text detection was not run: {evidence.TextDetectionNote ?? "no detector configured"}. Overlay text and watermarks were not checked.");
            return;
        }

        var overlay = evidence.Text.Where(t => t.Placement == TextPlacement.Overlay).ToList();
        if (evidence.Watermark)
        {
            refused.Add($"A watermark: {overlay.Count} text regions repeated or spread over the frame.");
        }
        else if (overlay.Count > 0)
        {
            var first = overlay[0];
            refused.Add(string.Create(CultureInfo.InvariantCulture, $"Text outside the product's packaging: {overlay.Count} region(s), e.g. at ({first.X}, {first.Y}) {first.Width}×{first.Height} px, confidence {first.Score:0.00}."));
        }

        var packaging = evidence.Text.Count - overlay.Count;
        if (packaging > 0)
        {
            notes.Add($"{packaging} text region(s) lie on the product's packaging (allowed).");
        }
    }
}
