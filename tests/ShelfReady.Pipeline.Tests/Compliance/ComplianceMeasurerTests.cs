using NetVips;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Profiles;

namespace ShelfReady.Pipeline.Tests.Compliance;

public sealed class ComplianceMeasurerTests
{
    private static readonly ComplianceRules AmazonMain = PlatformProfileCatalog.Builtin().Get("amazon_main").Compliance;

    [Fact]
    public void Measure_PlainGeneratedShot_IsCompliantForAmazonMain()
    {
        using var shot = Shot();

        var evidence = Measure(shot.Photo, shot.Alpha);
        var report = ComplianceJudge.Judge("amazon_main", AmazonMain, evidence, null);

        Assert.Equal(ComplianceVerdict.Compliant, report.Verdict);
        Assert.Empty(evidence.Text);
        Assert.Equal(1, evidence.SeparateObjects);
    }

    [Fact]
    public void Measure_TextOverlayOnBackdrop_IsOverlayAndNotAllowed()
    {
        using var shot = Shot();
        using var photo = Draw(shot.Photo, ("SALE -50% TODAY", 30, 20, 44, 20));

        var evidence = Measure(photo, shot.Alpha);
        var report = ComplianceJudge.Judge("amazon_main", AmazonMain, evidence, null);

        var overlay = Assert.Single(evidence.Text);
        Assert.Equal(TextPlacement.Overlay, overlay.Placement);
        Assert.InRange(overlay.Y, 0, 60);
        Assert.Equal(ComplianceVerdict.NotAllowed, report.Verdict);
        Assert.Contains(report.Reasons, r => r.Contains("Text outside the product's packaging", StringComparison.Ordinal));
    }

    [Fact]
    public void Measure_PrintOnTheProduct_IsPackagingAndCompliant()
    {
        using var canvas = White(1000, 800);
        using var box = canvas.Mutate(m => m.DrawRect([30.0, 60.0, 140.0], 300, 200, 400, 420, fill: true));
        using var photo = Draw(box, ("PROTEIN", 370, 330, 56, 245), ("2 kg", 440, 420, 48, 245));
        using var matte = White(1000, 800).Mutate(m =>
        {
            m.DrawRect([0.0], 0, 0, 1000, 800, fill: true);
            m.DrawRect([255.0], 300, 200, 400, 420, fill: true);
        }).ExtractBand(0);

        var evidence = Measure(photo, matte);
        var report = ComplianceJudge.Judge("amazon_main", AmazonMain, evidence, null);

        Assert.NotEmpty(evidence.Text);
        Assert.All(evidence.Text, t => Assert.Equal(TextPlacement.Packaging, t.Placement));
        Assert.Equal(ComplianceVerdict.Compliant, report.Verdict);
        Assert.Contains(report.Notes, n => n.Contains("packaging", StringComparison.Ordinal));
    }

    [Fact]
    public void Measure_RepeatedLightWatermark_IsAWatermark()
    {
        using var shot = Shot();
        using var photo = Draw(shot.Photo,
            ("© studio-photos", 20, 30, 32, 190), ("© studio-photos", 620, 30, 32, 190),
            ("© studio-photos", 20, 740, 32, 190), ("© studio-photos", 620, 740, 32, 190));

        var evidence = Measure(photo, shot.Alpha);
        var report = ComplianceJudge.Judge("google_shopping", PlatformProfileCatalog.Builtin().Get("google_shopping").Compliance, evidence, null);

        Assert.True(evidence.Watermark);
        Assert.Equal(ComplianceVerdict.NotAllowed, report.Verdict);
        Assert.Contains(report.Reasons, r => r.StartsWith("A watermark", StringComparison.Ordinal));
    }

    [Fact]
    public void Measure_BlackFrameAroundTheShot_IsABorderToFix()
    {
        using var shot = Shot();
        using var framed = shot.Photo.Mutate(m =>
        {
            foreach (var (x, y, w, h) in new[] { (0, 0, 1000, 24), (0, 776, 1000, 24), (0, 0, 24, 800), (976, 0, 24, 800) })
            {
                m.DrawRect([20.0, 20.0, 20.0], x, y, w, h, fill: true);
            }
        });

        var evidence = Measure(framed, shot.Alpha);
        var report = ComplianceJudge.Judge("amazon_main", AmazonMain, evidence, null);

        Assert.True(evidence.Border);
        Assert.Equal(ComplianceVerdict.Fix, report.Verdict);
        Assert.Contains(report.Reasons, r => r.Contains("border", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_NoDetector_SaysTextDetectionWasNotRun()
    {
        using var shot = Shot();

        var evidence = ComplianceMeasurer.Measure(shot.Photo, shot.Alpha, null, "the model is not installed", TestContext.Current.CancellationToken);
        var report = ComplianceJudge.Judge("amazon_main", AmazonMain, evidence, null);

        Assert.Null(evidence.TextDetector);
        Assert.Contains(report.Notes, n => n.StartsWith("Text detection was not run: the model is not installed", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_ThreeObjects_AsksForAFixUnlessAMultiPackIsDeclared()
    {
        var evidence = new ComplianceEvidence("ppocr-v4-det", null, [], false, false, [], 3, 0.1, 2, false);

        Assert.Equal(ComplianceVerdict.Fix, ComplianceJudge.Judge("amazon_main", AmazonMain, evidence, null).Verdict);
        Assert.Equal(ComplianceVerdict.Compliant, ComplianceJudge.Judge("amazon_main", AmazonMain, evidence, 3).Verdict);
        Assert.Equal(ComplianceVerdict.Compliant, ComplianceJudge.Judge("shopify", PlatformProfileCatalog.Builtin().Get("shopify").Compliance, evidence, null).Verdict);
    }

    private static StudioShot Shot()
    {
        VipsRuntime.EnsureConfigured();
        return StudioShotGenerator.Generate(new StudioShotSpec { Seed = 11, Background = BackgroundKind.White, Category = "electronics" });
    }

    private static ComplianceEvidence Measure(Image photo, Image matte) =>
        ComplianceMeasurer.Measure(photo, matte, ComplianceFixtures.RequireDetector(), null, TestContext.Current.CancellationToken);

    private static Image White(int width, int height) => Image.Black(width, height).NewFromImage(255, 255, 255).Cast(Enums.BandFormat.Uchar);

    private static Image Draw(Image photo, params (string Text, int X, int Y, int Size, int Ink)[] lines)
    {
        var page = photo.Copy();
        foreach (var (text, x, y, size, ink) in lines)
        {
            using var mask = Image.Text(text, font: $"DejaVu Sans Bold {size}px", dpi: 72);
            using var colour = mask.NewFromImage(ink, ink, ink).Copy(interpretation: Enums.Interpretation.Srgb);
            using var layer = colour.Bandjoin(mask);
            var next = page.Composite2(layer, Enums.BlendMode.Over, x: x, y: y).ExtractBand(0, 3).Cast(Enums.BandFormat.Uchar);
            page.Dispose();
            page = next;
        }

        return page.CopyMemory();
    }
}
