using ShelfReady.Inference.Segmentation;

namespace ShelfReady.Inference.Tests.Segmentation;

public sealed class BoxFilterTests
{
    [Theory]
    [InlineData(7, 5, 2, 1)]
    [InlineData(9, 6, 3, 2)]
    [InlineData(4, 3, 13, 10)]
    public void Mean_RandomData_EqualsTheClippedWindowAverage(int width, int height, int channels, int radius)
    {
        var random = new Random(width * 100 + radius);
        var data = Enumerable.Range(0, width * height * channels).Select(_ => (float)random.NextDouble()).ToArray();

        var means = BoxFilter.Mean(data, width, height, channels, radius);

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    Assert.Equal(BruteForce(data, width, height, channels, radius, x, y, c), means[(((y * width) + x) * channels) + c], 4);
                }
            }
        }
    }

    private static double BruteForce(float[] data, int width, int height, int channels, int radius, int x, int y, int c)
    {
        double sum = 0;
        var count = 0;
        for (var j = Math.Max(0, y - radius); j <= Math.Min(height - 1, y + radius); j++)
        {
            for (var i = Math.Max(0, x - radius); i <= Math.Min(width - 1, x + radius); i++)
            {
                sum += data[(((j * width) + i) * channels) + c];
                count++;
            }
        }

        return sum / count;
    }
}
