using ShelfReady.Imaging.Synthetic;

namespace ShelfReady.Imaging.Tests.Synthetic;

public sealed class ComplexityMixTests
{
    [Theory]
    [InlineData(10, 6, 3, 1)]
    [InlineData(7, 4, 2, 1)]
    [InlineData(1, 1, 0, 0)]
    [InlineData(0, 0, 0, 0)]
    public void Split_Catalogue_LargestRemainder(int total, int simple, int medium, int complex)
    {
        Assert.Equal([simple, medium, complex], ComplexityMix.Catalogue.Split(total));
    }

    [Fact]
    public void Split_ZeroWeights_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ComplexityMix(0, 0, 0).Split(5));
    }
}
