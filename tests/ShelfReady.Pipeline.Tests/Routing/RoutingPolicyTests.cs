using ShelfReady.Imaging;
using ShelfReady.Pipeline.Routing;

namespace ShelfReady.Pipeline.Tests.Routing;

public sealed class RoutingPolicyTests
{
    [Theory]
    [InlineData("jewelry", ProductComplexity.Complex)]
    [InlineData("FUR", ProductComplexity.Complex)]
    [InlineData("lingerie", ProductComplexity.Complex)]
    [InlineData("transparent", ProductComplexity.Complex)]
    [InlineData("electronics", ProductComplexity.Simple)]
    [InlineData("books", ProductComplexity.Simple)]
    [InlineData("cosmetics_tube", ProductComplexity.Medium)]
    public void Decide_KnownCategory_FollowsTableWhateverTheEdgesSay(string category, ProductComplexity expected)
    {
        var opposite = expected == ProductComplexity.Simple ? ProductComplexity.Complex : ProductComplexity.Simple;

        var decision = RoutingPolicy.Decide(category, opposite, colorMatchRisk: 0.9);

        Assert.Equal(expected, decision.Complexity);
        Assert.Contains(category, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_UnknownCategoryHighColorRisk_IsAtLeastMedium()
    {
        Assert.Equal(ProductComplexity.Medium, RoutingPolicy.Decide("toys", ProductComplexity.Simple, 0.31).Complexity);
        Assert.Equal(ProductComplexity.Complex, RoutingPolicy.Decide(null, ProductComplexity.Complex, 0.31).Complexity);
    }

    [Fact]
    public void Decide_UnknownCategoryLowColorRisk_UsesEdgeAnalysis()
    {
        Assert.Equal(ProductComplexity.Simple, RoutingPolicy.Decide(null, ProductComplexity.Simple, 0.3).Complexity);
    }
}
