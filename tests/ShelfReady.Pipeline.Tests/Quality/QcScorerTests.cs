using ShelfReady.Pipeline.Quality;

namespace ShelfReady.Pipeline.Tests.Quality;

public sealed class QcScorerTests
{
    private static readonly QcMeasurements Perfect = new(
        BorderPassFraction: 1, NonWhiteBackgroundPixels: 0, EdgeQuality: 1, Fill: 0.85, TargetFill: 0.85, ColorDeltaE: 0.5, Defects: [], ProductRegion: new QcRegion(100, 100, 800, 600));

    [Fact]
    public void Score_PerfectImage_Is100AndAutoApprovedWithNoReasons()
    {
        var result = QcScorer.Score(Perfect, QcThresholds.Default);

        Assert.Equal(100, result.Score);
        Assert.Equal(QcVerdict.AutoApprove, result.Verdict);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Score_HalfFill_LosesMoreThanADefectAndGoesToReview()
    {
        var result = QcScorer.Score(Perfect with { Fill = 0.425 }, QcThresholds.Default);

        Assert.InRange(result.Fill, 0, 25 - QcScorer.DefectCost);
        Assert.InRange(result.Score, 70, 89);
        Assert.Equal(QcVerdict.Review, result.Verdict);
        Assert.Contains(result.Reasons, r => r.Contains("fills", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_OffWhiteBackgroundPixels_CapsBackgroundAtHalf()
    {
        var result = QcScorer.Score(Perfect with { NonWhiteBackgroundPixels = 12 }, QcThresholds.Default);

        Assert.Equal(12.5, result.Background, 3);
        Assert.Contains(result.Reasons, r => r.Contains("12 background pixels", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2.0, 25.0)]
    [InlineData(7.0, 12.5)]
    [InlineData(12.0, 0.0)]
    [InlineData(30.0, 0.0)]
    public void Score_ColorShift_ScalesLinearlyBetweenFreeAndZero(double deltaE, double expectedPoints)
    {
        Assert.Equal(expectedPoints, QcScorer.Score(Perfect with { ColorDeltaE = deltaE }, QcThresholds.Default).Color, 3);
    }

    [Fact]
    public void Score_BadEverything_IsRedo()
    {
        var bad = new QcMeasurements(0.5, 5000, 0.4, 0.3, 0.85, 15, [], new QcRegion(0, 0, 10, 10));

        var result = QcScorer.Score(bad, QcThresholds.Default);

        Assert.True(result.Score < 70, $"score {result.Score}");
        Assert.Equal(QcVerdict.Redo, result.Verdict);
        // Border and off-white pixels are two reasons within the background part, then one per other part.
        Assert.Equal(5, result.Reasons.Count);
    }

    [Fact]
    public void Score_MerchantThresholds_AreHonoured()
    {
        var strict = new QcThresholds { AutoApprove = 99, Review = 95 };

        Assert.Equal(QcVerdict.Redo, QcScorer.Score(Perfect with { EdgeQuality = 0.7 }, strict).Verdict);
    }

    [Fact]
    public void Validate_ReviewAboveAutoApprove_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new QcThresholds { AutoApprove = 60, Review = 70 }.Validate());
    }
}
