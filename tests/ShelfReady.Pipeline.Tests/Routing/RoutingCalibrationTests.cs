using ShelfReady.Imaging;
using ShelfReady.Imaging.Loading;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Routing;
using ShelfReady.Pipeline.Tests.Support;

namespace ShelfReady.Pipeline.Tests.Routing;

/// <summary>
/// Routing on the real calibration photographs, with no category given: clean products on white are simple, and
/// the hard ones (glass, wire and chain, white on white, fur and fringe) are not.
/// </summary>
public sealed class RoutingCalibrationTests(ITestOutputHelper output)
{
    private static readonly string[] HardTags = ["transparent", "thin-wire", "white-on-white", "hair-fur-fringe", "jewelry"];

    [Fact]
    public void Decide_CalibrationPhotos_EasyAreSimpleAndHardAreNot()
    {
        var loader = new ImageLoader(new ImageLoadOptions { MinLongSide = 1 });
        var (easy, easySimple, hard, hardSimple) = (0, 0, 0, 0);
        foreach (var photo in CalibrationPhotos.Manifest().Where(p => p.Group is "easy" or "hard"))
        {
            using var loaded = loader.Load(File.ReadAllBytes(Path.Combine(CalibrationPhotos.Folder, photo.File)));
            var analysis = AnalyzeImageActivity.Analyze(loaded.Rgb, CancellationToken.None);
            var route = RoutingPolicy.Decide(null, analysis.EdgeComplexity, analysis.ColorMatchRisk);
            var simple = route.Complexity == ProductComplexity.Simple ? 1 : 0;
            output.WriteLine($"{photo.File,-80} {photo.Group,-5} {analysis.EdgeScore:0.00} risk {analysis.ColorMatchRisk:0.00} → {route.Complexity}");
            if (photo.Group == "easy")
            {
                (easy, easySimple) = (easy + 1, easySimple + simple);
            }
            else if (photo.Tags.Intersect(HardTags).Any())
            {
                (hard, hardSimple) = (hard + 1, hardSimple + simple);
            }
        }

        output.WriteLine($"easy routed simple: {easySimple}/{easy}; hard routed simple: {hardSimple}/{hard}");
        Assert.True(easySimple * 10 >= easy * 7, $"Only {easySimple} of {easy} easy photos were routed simple.");
        Assert.True(hardSimple * 10 <= hard, $"{hardSimple} of {hard} hard photos were routed simple.");
    }
}
