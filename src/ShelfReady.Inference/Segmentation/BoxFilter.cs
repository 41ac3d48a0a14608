using System.Numerics.Tensors;

namespace ShelfReady.Inference.Segmentation;

/// <summary>
/// Mean over a (2r+1)² window clipped to the image, for interleaved float channels, by running sums: constant
/// work per pixel whatever the radius, which is what keeps the colour guided filter's thirteen window statistics
/// affordable. Sums are float: the guided filter's ε (1e-4 by default) dwarfs their rounding drift.
/// </summary>
internal static class BoxFilter
{
    public static float[] Mean(float[] data, int width, int height, int channels, int radius)
    {
        var stride = width * channels;
        var columnMeans = MeanAlongColumns(data, stride, height, radius);
        var output = new float[data.Length];
        for (var y = 0; y < height; y++)
        {
            MeanAlongRow(columnMeans, output, y * stride, width, channels, radius);
        }

        return output;
    }

    // Row by row with one running sum per column and channel: every step is a whole row, added or taken away.
    private static float[] MeanAlongColumns(float[] data, int stride, int height, int radius)
    {
        var output = new float[data.Length];
        var sums = new float[stride];
        for (var y = 0; y <= Math.Min(radius, height - 1); y++)
        {
            TensorPrimitives.Add(sums, data.AsSpan(y * stride, stride), sums);
        }

        for (var y = 0; y < height; y++)
        {
            var count = Math.Min(y + radius, height - 1) - Math.Max(y - radius, 0) + 1;
            TensorPrimitives.Divide(sums, count, output.AsSpan(y * stride, stride));
            if (y + radius + 1 < height)
            {
                TensorPrimitives.Add(sums, data.AsSpan((y + radius + 1) * stride, stride), sums);
            }

            if (y - radius >= 0)
            {
                TensorPrimitives.Subtract(sums, data.AsSpan((y - radius) * stride, stride), sums);
            }
        }

        return output;
    }

    private static void MeanAlongRow(float[] data, float[] output, int start, int width, int channels, int radius)
    {
        Span<float> sums = stackalloc float[channels];
        for (var x = 0; x <= Math.Min(radius, width - 1); x++)
        {
            TensorPrimitives.Add(sums, data.AsSpan(start + (x * channels), channels), sums);
        }

        for (var x = 0; x < width; x++)
        {
            var count = Math.Min(x + radius, width - 1) - Math.Max(x - radius, 0) + 1;
            TensorPrimitives.Divide(sums, count, output.AsSpan(start + (x * channels), channels));
            if (x + radius + 1 < width)
            {
                TensorPrimitives.Add(sums, data.AsSpan(start + ((x + radius + 1) * channels), channels), sums);
            }

            if (x - radius >= 0)
            {
                TensorPrimitives.Subtract(sums, data.AsSpan(start + ((x - radius) * channels), channels), sums);
            }
        }
    }
}
