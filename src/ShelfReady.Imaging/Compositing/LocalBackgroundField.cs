using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Compositing;

/// <summary>
/// The old background behind the product, modelled from the pixels the matte marks as pure background: a coarse
/// grid of local means (studio sweeps have gradients and vignetting, so one colour is not enough), holes under
/// the product filled from their neighbours, sampled bilinearly; plus the median tone used as the white
/// reference.
/// </summary>
internal sealed class LocalBackgroundField
{
    private const int CellsAlongLongSide = 32;
    private const int SampleStride = 2;
    private const int MinimumSamples = 64;

    private readonly float[] _grid;
    private readonly int _columns;
    private readonly int _rows;
    private readonly double _cellSize;

    private LocalBackgroundField(float[] grid, int columns, int rows, double cellSize, BackgroundTone median)
    {
        _grid = grid;
        _columns = columns;
        _rows = rows;
        _cellSize = cellSize;
        Median = median;
    }

    /// <summary>Median background colour; white when too few background pixels were seen.</summary>
    public BackgroundTone Median { get; }

    /// <summary>Builds the model from an RGBA buffer, counting alpha at or below the floor as background.</summary>
    public static LocalBackgroundField Build(PixelBuffer rgba, byte noiseFloor)
    {
        var cellSize = Math.Max(8.0, (double)Math.Max(rgba.Width, rgba.Height) / CellsAlongLongSide);
        var columns = (int)Math.Ceiling(rgba.Width / cellSize);
        var rows = (int)Math.Ceiling(rgba.Height / cellSize);
        var sums = new double[columns * rows * 4];
        var histograms = new int[3 * 256];
        var samples = Accumulate(rgba, noiseFloor, cellSize, columns, sums, histograms);
        var median = samples < MinimumSamples ? BackgroundTone.White : MedianOf(histograms, samples);
        var grid = ToGrid(sums, columns, rows, median);
        return new LocalBackgroundField(grid, columns, rows, cellSize, median);
    }

    /// <summary>The modelled background colour at a pixel, bilinear between cell centres.</summary>
    public void Sample(int x, int y, Span<float> colour)
    {
        var gx = Math.Clamp(((x + 0.5) / _cellSize) - 0.5, 0, _columns - 1);
        var gy = Math.Clamp(((y + 0.5) / _cellSize) - 0.5, 0, _rows - 1);
        var x0 = (int)gx;
        var y0 = (int)gy;
        var x1 = Math.Min(x0 + 1, _columns - 1);
        var y1 = Math.Min(y0 + 1, _rows - 1);
        var fx = (float)(gx - x0);
        var fy = (float)(gy - y0);
        for (var c = 0; c < 3; c++)
        {
            var top = Lerp(_grid[(((y0 * _columns) + x0) * 3) + c], _grid[(((y0 * _columns) + x1) * 3) + c], fx);
            var bottom = Lerp(_grid[(((y1 * _columns) + x0) * 3) + c], _grid[(((y1 * _columns) + x1) * 3) + c], fx);
            colour[c] = Lerp(top, bottom, fy);
        }
    }

    private static int Accumulate(
        PixelBuffer rgba, byte noiseFloor, double cellSize, int columns, double[] sums, int[] histograms)
    {
        var samples = 0;
        var pixels = rgba.Data;
        for (var y = 0; y < rgba.Height; y += SampleStride)
        {
            var row = (int)(y / cellSize) * columns;
            for (var x = 0; x < rgba.Width; x += SampleStride)
            {
                var p = rgba.IndexOf(x, y);
                if (pixels[p + 3] > noiseFloor)
                {
                    continue;
                }

                var cell = (row + (int)(x / cellSize)) * 4;
                for (var c = 0; c < 3; c++)
                {
                    sums[cell + c] += pixels[p + c];
                    histograms[(c * 256) + pixels[p + c]]++;
                }

                sums[cell + 3]++;
                samples++;
            }
        }

        return samples;
    }

    private static BackgroundTone MedianOf(int[] histograms, int samples)
    {
        Span<byte> median = stackalloc byte[3];
        for (var c = 0; c < 3; c++)
        {
            var seen = 0;
            var value = 0;
            while (value < 255 && (seen += histograms[(c * 256) + value]) * 2 < samples)
            {
                value++;
            }

            median[c] = (byte)value;
        }

        return new BackgroundTone(median[0], median[1], median[2]);
    }

    private static float[] ToGrid(double[] sums, int columns, int rows, BackgroundTone fallback)
    {
        var grid = new float[columns * rows * 3];
        var known = new bool[columns * rows];
        for (var cell = 0; cell < known.Length; cell++)
        {
            var count = sums[(cell * 4) + 3];
            known[cell] = count > 0;
            for (var c = 0; c < 3; c++)
            {
                grid[(cell * 3) + c] = known[cell] ? (float)(sums[(cell * 4) + c] / count) : fallback[c];
            }
        }

        FillHoles(grid, known, columns, rows);
        return grid;
    }

    /// <summary>Grows known cells into unknown ones (cells fully under the product), ring by ring.</summary>
    private static void FillHoles(float[] grid, bool[] known, int columns, int rows)
    {
        var changed = true;
        while (changed && Array.IndexOf(known, false) >= 0)
        {
            changed = false;
            var next = (bool[])known.Clone();
            for (var cell = 0; cell < known.Length; cell++)
            {
                if (!known[cell] && TryAverageNeighbours(grid, known, columns, rows, cell))
                {
                    next[cell] = true;
                    changed = true;
                }
            }

            next.CopyTo(known, 0);
        }
    }

    private static bool TryAverageNeighbours(float[] grid, bool[] known, int columns, int rows, int cell)
    {
        var (cx, cy) = (cell % columns, cell / columns);
        Span<float> sum = stackalloc float[3];
        var count = 0;
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var (nx, ny) = (cx + dx, cy + dy);
                if (nx < 0 || ny < 0 || nx >= columns || ny >= rows || !known[(ny * columns) + nx])
                {
                    continue;
                }

                for (var c = 0; c < 3; c++)
                {
                    sum[c] += grid[(((ny * columns) + nx) * 3) + c];
                }

                count++;
            }
        }

        for (var c = 0; c < 3 && count > 0; c++)
        {
            grid[(cell * 3) + c] = sum[c] / count;
        }

        return count > 0;
    }

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);
}
