using System.Globalization;
using NetVips;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Profiles;

namespace ShelfReady.Pipeline.Tests.Compliance;

public sealed class CalibrationComplianceTests(ITestOutputHelper output)
{
    private static readonly string[] Refused = ["text-overlay", "lifestyle", "person", "touches-edge"];

    [Fact]
    public void Judge_CalibrationPhotos_PassesEasyOnesAndRefusesMostTaggedShotsForAmazonMain()
    {
        var root = ComplianceFixtures.RequireCalibration();
        var rules = PlatformProfileCatalog.Builtin().Get("amazon_main").Compliance;
        var rows = File.ReadAllLines(Path.Combine(root, "MANIFEST.tsv")).Skip(1).Select(line => line.Split('\t')).ToList();
        var wrong = new List<string>();
        var (refusedRight, refusedTotal, textAlarms, untagged) = (0, 0, 0, 0);
        foreach (var row in rows)
        {
            var tags = row[8].Split(',');
            using var small = Image.Thumbnail(Path.Combine(root, row[0]), 1200);
            using var srgb = small.Colourspace(Enums.Interpretation.Srgb);
            using var rgb = (srgb.Bands == 3 ? srgb : srgb.ExtractBand(0, 3)).CopyMemory();
            var evidence = ComplianceFixtures.Measure(rgb);
            var report = ComplianceJudge.Judge("amazon_main", rules, evidence, null);
            var expected = tags.Intersect(Refused).Any() ? "refused" : tags.Contains("easy") ? "compliant" : "any";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(row[0]),-60} {row[8],-45} {report.Verdict,-10} text={evidence.Text.Count}/{evidence.Text.Count(t => t.Placement == TextPlacement.Overlay)} wm={evidence.Watermark} border={evidence.Border} cut={string.Join('+', evidence.CutEdges)} objects={evidence.SeparateObjects} tex={evidence.BackdropTexture} spread={evidence.BackdropSpread} | {string.Join(" ", report.Reasons)}"));
            if (expected == "refused")
            {
                refusedTotal++;
                refusedRight += report.Verdict == ComplianceVerdict.NotAllowed ? 1 : 0;
            }
            else
            {
                untagged++;
                textAlarms += evidence.Text.Any(t => t.Placement == TextPlacement.Overlay) ? 1 : 0;
            }

            if (expected == "compliant" && report.Verdict != ComplianceVerdict.Compliant)
            {
                wrong.Add($"{row[0]} ({row[8]}): expected {expected}, got {report.Verdict}: {string.Join(" ", report.Reasons)}");
            }
        }

        output.WriteLine($"refused-tag photos refused: {refusedRight}/{refusedTotal}; overlay-text false alarms on photos without text-overlay tags: {textAlarms}/{untagged}");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));

        // Measured floor, not a target: the classical matte and a backdrop measure without a person model miss
        // some lifestyle and person shots (see the report); a drop below it is a regression.
        Assert.True(refusedRight * 2 >= refusedTotal, $"Only {refusedRight} of {refusedTotal} tagged photos were refused.");
    }
}
