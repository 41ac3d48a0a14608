using System.Globalization;
using NetVips;
using ShelfReady.Imaging.Compositing;
using ShelfReady.Imaging.Loading;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Tests.Support;

namespace ShelfReady.Pipeline.Tests.Quality;

/// <summary>
/// QC on real photographs with defects put in on purpose. The calibration set's oro photos stand on exactly
/// #FFFFFF, so their product mask is sound ground truth (every pixel not white); each photo is scored with that
/// mask, then with one defect at a time — product erased, a bite, a hole, a shadow fragment kept, a halo of
/// backdrop, an off-white background, wrong fill, a colour shift — and every defect must leave auto-approval.
/// </summary>
public sealed class QcInjectedDefectTests(ITestOutputHelper output)
{
    private const int CanvasSide = 1024;

    private static readonly Defect[] Defects =
    [
        new("product erased", s => s.EraseTop()),
        new("bite", s => s.BiteLeft()),
        new("hole", s => s.PunchHole()),
        new("shadow fragment", s => s.AddShadowFragment()),
        new("halo", s => s.Halo()),
        new("off-white background", s => s, Composite: OffWhite),
        new("wrong fill", s => s, Fill: 0.55),
        new("colour shift", s => s, Composite: Tint),
    ];

    [Fact]
    public void Score_DefectsInjectedIntoRealPhotos_NoneAutoApproved()
    {
        var photos = CalibrationPhotos.Manifest().Where(p => p.File.StartsWith("images/oro/", StringComparison.Ordinal)).ToList();
        var loader = new ImageLoader(new ImageLoadOptions { MinLongSide = 1 });
        var (injected, caught, baselineApproved, easy, easyApproved) = (0, 0, 0, 0, 0);
        var missed = new List<string>();
        foreach (var photo in photos)
        {
            using var loaded = loader.Load(File.ReadAllBytes(Path.Combine(CalibrationPhotos.Folder, photo.File)));
            var truth = Shot.FromPureWhite(loaded.Rgb);
            var baseline = Judge(truth, Defects[0] with { Inject = s => s });
            var isEasy = photo.Group == "easy";
            (baselineApproved, easy, easyApproved) = (baselineApproved + Approved(baseline), easy + (isEasy ? 1 : 0), easyApproved + (isEasy ? Approved(baseline) : 0));
            var line = new List<string> { $"{Path.GetFileName(photo.File),-52} {photo.Group,-8} truth {baseline.Score,3} {baseline.Verdict,-11} {string.Join(' ', baseline.Reasons)}" };
            foreach (var defect in Defects)
            {
                var result = Judge(truth, defect);
                injected++;
                caught += Approved(result) == 0 ? 1 : 0;
                line.Add(string.Create(CultureInfo.InvariantCulture, $"{defect.Name} {result.Score}"));
                if (result.Verdict == QcVerdict.AutoApprove)
                {
                    line.Add(string.Join(' ', result.Reasons));
                }
                if (result.Verdict == QcVerdict.AutoApprove)
                {
                    missed.Add($"{photo.File}: {defect.Name} scored {result.Score}");
                }
            }

            output.WriteLine(string.Join(" | ", line));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{caught}/{injected} defects caught over {photos.Count} photos; ground truth auto-approved {baselineApproved}/{photos.Count} (easy {easyApproved}/{easy}), false-alarm rate on easy photos {1 - ((double)easyApproved / easy):P0}"));
        Assert.True(photos.Count >= 20, $"Only {photos.Count} pure-white photos found.");
        Assert.True(injected >= 100, $"Only {injected} defects injected.");
        Assert.True(missed.Count == 0, "Auto-approved with a defect: " + string.Join("; ", missed));
        Assert.True(easyApproved * 3 >= easy * 2, $"Only {easyApproved} of {easy} easy photos with a ground-truth matte were auto-approved.");
    }

    private static int Approved(QcResult result) => result.Verdict == QcVerdict.AutoApprove ? 1 : 0;

    private static QcResult Judge(Shot truth, Defect defect)
    {
        var shot = defect.Inject(truth);
        using var rgb = shot.Rgb.ToImage(Enums.Interpretation.Srgb);
        using var mask = shot.MaskImage();
        using var result = StudioCompositor.Compose(rgb, mask, new CompositeOptions { TargetFill = defect.Fill, OutputLongSide = CanvasSide, Shape = CanvasShape.Square });
        using var composite = defect.Composite?.Invoke(result.Image, result.Matte) ?? result.Image.Copy();
        var measured = QcMeasurer.Measure(rgb, mask, composite, result.Matte, (result.Gains.R, result.Gains.G, result.Gains.B), result.Fill.Ratio, 0.85);
        return QcScorer.Score(measured, QcThresholds.Default);
    }

    private static Image OffWhite(Image composite, Image matte)
    {
        using var background = matte.Equal(0);
        using var grey = composite.NewFromImage(247, 247, 247);
        return background.Ifthenelse(grey, composite);
    }

    private static Image Tint(Image composite, Image matte)
    {
        using var product = matte > 0;
        using var tinted = composite.Linear([0.82, 1.0, 1.0], [0.0, 0.0, 0.0]);
        using var clipped = tinted.Cast(Enums.BandFormat.Uchar);
        return product.Ifthenelse(clipped, composite);
    }

    private sealed record Defect(string Name, Func<Shot, Shot> Inject, Func<Image, Image, Image>? Composite = null, double Fill = 0.85);
}
