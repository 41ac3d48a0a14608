using ShelfReady.Imaging.Analysis;
using ShelfReady.Imaging.Segmentation;
using ShelfReady.Imaging.Synthetic;

namespace ShelfReady.Imaging.Tests.Analysis;

public sealed class ImageAnalyzerTests
{
    [Theory]
    [InlineData("books")]
    [InlineData("fur")]
    public void Analyze_SharedFrame_MatchesSeparateAnalyzers(string category)
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 1000, Height = 800, Seed = 21, Category = category });
        using var matte = new ClassicalSegmenter().Segment(shot.Photo, TestContext.Current.CancellationToken);

        var combined = ImageAnalyzer.Analyze(shot.Photo, matte);

        Assert.Equal(BackgroundModel.Estimate(shot.Photo), combined.Background);
        Assert.Equal(EdgeComplexityAnalyzer.Analyze(shot.Photo, matte), combined.Edge);
        Assert.Equal(ColorMatchAnalyzer.Analyze(shot.Photo, matte), combined.ColorMatch);
        Assert.Equal(new ComplexityThresholds().Classify(combined.Edge.Score), combined.Complexity);
    }

    [Fact]
    public void Analyze_FurAndBook_ClassifiedApart()
    {
        using var fur = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 22, Category = "fur" });
        using var book = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 22, Category = "books" });
        var segmenter = new ClassicalSegmenter();
        using var furMatte = segmenter.Segment(fur.Photo, TestContext.Current.CancellationToken);
        using var bookMatte = segmenter.Segment(book.Photo, TestContext.Current.CancellationToken);

        Assert.Equal(ProductComplexity.Complex, ImageAnalyzer.Analyze(fur.Photo, furMatte).Complexity);
        Assert.Equal(ProductComplexity.Simple, ImageAnalyzer.Analyze(book.Photo, bookMatte).Complexity);
    }
}
