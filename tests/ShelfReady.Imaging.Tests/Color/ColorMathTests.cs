using ShelfReady.Imaging.Color;

namespace ShelfReady.Imaging.Tests.Color;

public sealed class ColorMathTests
{
    [Fact]
    public void ToLab_White_IsL100WithNoChroma()
    {
        var lab = ColorMath.ToLab(255, 255, 255);

        Assert.Equal(100, lab.L, 2);
        Assert.Equal(0, lab.A, 2);
        Assert.Equal(0, lab.B, 2);
    }

    [Fact]
    public void ToLab_PureRed_MatchesPublishedValue()
    {
        // sRGB (255,0,0) is L*53.24 a*80.09 b*67.20 under D65 (Bruce Lindbloom's calculator).
        var lab = ColorMath.ToLab(255, 0, 0);

        Assert.Equal(53.24, lab.L, 1);
        Assert.Equal(80.09, lab.A, 1);
        Assert.Equal(67.20, lab.B, 1);
    }

    [Theory]
    // Pairs 1, 7 and 17 of the CIEDE2000 test data of Sharma, Wu and Dalal (2005).
    [InlineData(50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425)]
    [InlineData(50.0, 0.0, 0.0, 50.0, -1.0, 2.0, 2.3669)]
    [InlineData(50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492)]
    public void DeltaE2000_PublishedPairs_MatchesReference(
        double l1, double a1, double b1, double l2, double a2, double b2, double expected)
    {
        var actual = ColorMath.DeltaE2000(new Lab(l1, a1, b1), new Lab(l2, a2, b2));

        Assert.Equal(expected, actual, 3);
    }
}
