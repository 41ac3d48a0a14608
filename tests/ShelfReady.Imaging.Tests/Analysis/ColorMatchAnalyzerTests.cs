using ShelfReady.Imaging.Analysis;
using ShelfReady.Imaging.Synthetic;

namespace ShelfReady.Imaging.Tests.Analysis;

[Collection(AnalysedSetGroup.Name)]
public sealed class ColorMatchAnalyzerTests(AnalysedSetFixture sets)
{
    [Fact]
    public void Analyze_ProductWithinDeltaE10OfBackground_RiskAbove03()
    {
        var close = sets.Shots.Where(s => s.Labels.ProductBackgroundDeltaE < 10).ToList();

        Assert.True(close.Count >= 5, $"only {close.Count} close-colour shots were generated");
        Assert.All(close, s => Assert.True(s.ColorMatch.Risk > 0.3, Describe(s)));
    }

    [Fact]
    public void Analyze_SimpleHighContrastProducts_RiskLow()
    {
        var simple = sets.Of(ProductComplexity.Simple).ToList();

        Assert.All(simple, s => Assert.True(s.ColorMatch.Risk < 0.1, Describe(s)));
    }

    [Fact]
    public void Analyze_RiskFollowsContrast_CloserColoursRiskMore()
    {
        var close = sets.Shots.Where(s => s.Labels.ProductBackgroundDeltaE < 10).Average(s => s.ColorMatch.Risk);
        var moderate = sets.Shots.Where(s => s.Labels.ProductBackgroundDeltaE is >= 10 and < 20).Average(s => s.ColorMatch.Risk);
        var high = sets.Shots.Where(s => s.Labels.ProductBackgroundDeltaE >= 30).Average(s => s.ColorMatch.Risk);

        Assert.True(close > moderate && moderate > high, $"close {close:F2}, moderate {moderate:F2}, high {high:F2}");
    }

    [Fact]
    public void Analyze_BoundaryDeltaE_TracksLabelledDeltaE()
    {
        var close = sets.Shots.Where(s => s.Labels.ProductBackgroundDeltaE < 10 && s.Labels.Category != "glassware").ToList();

        Assert.All(close, s => Assert.InRange(s.ColorMatch.MedianDeltaE, s.Labels.ProductBackgroundDeltaE * 0.5, s.Labels.ProductBackgroundDeltaE * 1.6));
    }

    [Fact]
    public void Analyze_EmptyMatte_NoCellsNoRisk()
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 400, Height = 300, Seed = 1 });
        using var zero = shot.Alpha * 0;
        using var empty = zero.Cast(NetVips.Enums.BandFormat.Uchar);

        var match = ColorMatchAnalyzer.Analyze(shot.Photo, empty);

        Assert.Equal((0.0, 0), (match.Risk, match.Cells));
    }

    private static string Describe(AnalysedShot s) =>
        $"{s.Labels.Category} on {s.Labels.Background}: labelled ΔE {s.Labels.ProductBackgroundDeltaE:F1}, risk {s.ColorMatch.Risk:F2}, boundary ΔE p25 {s.ColorMatch.LowDeltaE:F1}";
}
