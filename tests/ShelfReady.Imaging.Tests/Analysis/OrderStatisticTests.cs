using ShelfReady.Imaging.Analysis;

namespace ShelfReady.Imaging.Tests.Analysis;

public sealed class OrderStatisticTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(1000)]
    public void Select_EveryPosition_IsWhatASortPutsThere(int count)
    {
        var random = new Random(count);
        var values = Enumerable.Range(0, count).Select(_ => Math.Round(random.NextDouble() * 20)).ToArray();
        var sorted = values.Order().ToArray();

        for (var k = 0; k < count; k++)
        {
            Assert.Equal(sorted[k], OrderStatistic.Select((double[])values.Clone(), k));
        }
    }
}
