namespace ShelfReady.Imaging.Analysis;

/// <summary>Binary-mask operations on row-major bool planes, shared by the segmenter and the analysers.</summary>
internal static class MaskOps
{
    /// <summary>Pixels at or above <paramref name="low"/> that are 8-connected to a pixel at or above <paramref name="high"/>.</summary>
    public static bool[] Hysteresis(float[] strength, int width, int height, float high, float low)
    {
        var mask = new bool[strength.Length];
        var stack = new Stack<int>();
        for (var i = 0; i < strength.Length; i++)
        {
            if (strength[i] >= high && !mask[i])
            {
                mask[i] = true;
                stack.Push(i);
                Flood(stack, width, height, j => !mask[j] && strength[j] >= low, j => mask[j] = true);
            }
        }

        return mask;
    }

    /// <summary>Sets every false pixel that cannot reach the frame border through false pixels.</summary>
    public static void FillHoles(bool[] mask, int width, int height)
    {
        var outside = new bool[mask.Length];
        var stack = new Stack<int>();
        for (var i = 0; i < mask.Length; i++)
        {
            var x = i % width;
            var y = i / width;
            var onBorder = x == 0 || y == 0 || x == width - 1 || y == height - 1;
            if (onBorder && !mask[i] && !outside[i])
            {
                outside[i] = true;
                stack.Push(i);
                Flood(stack, width, height, j => !mask[j] && !outside[j], j => outside[j] = true, eightConnected: false);
            }
        }

        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] |= !outside[i];
        }
    }

    /// <summary>Clears 8-connected components smaller than a fraction of the largest one (dust, noise, stray specks).</summary>
    public static void KeepMainComponents(bool[] mask, int width, int height, double minFraction, int minPixels)
    {
        var labels = new int[mask.Length];
        var sizes = new List<int> { 0 };
        var stack = new Stack<int>();
        for (var i = 0; i < mask.Length; i++)
        {
            if (!mask[i] || labels[i] != 0)
            {
                continue;
            }

            var label = sizes.Count;
            var size = 1;
            labels[i] = label;
            stack.Push(i);
            Flood(stack, width, height, j => mask[j] && labels[j] == 0, j =>
            {
                labels[j] = label;
                size++;
            });
            sizes.Add(size);
        }

        var largest = sizes.Max();
        var keepAbove = Math.Max(minPixels, minFraction * largest);
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] && sizes[labels[i]] < keepAbove)
            {
                mask[i] = false;
            }
        }
    }

    /// <summary>
    /// Two-pass chamfer distance (1, √2) from every pixel to the nearest pixel whose mask value differs from
    /// <paramref name="inside"/>; pixels not equal to <paramref name="inside"/> get 0.
    /// </summary>
    public static float[] Distance(bool[] mask, int width, int height, bool inside)
    {
        const float Diagonal = 1.41421356f;
        var far = (float)(width + height);
        var d = new float[mask.Length];
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = mask[i] == inside ? far : 0;
        }

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                if (d[i] == 0)
                {
                    continue;
                }

                var best = d[i];
                if (x > 0) best = Math.Min(best, d[i - 1] + 1);
                if (y > 0)
                {
                    best = Math.Min(best, d[i - width] + 1);
                    if (x > 0) best = Math.Min(best, d[i - width - 1] + Diagonal);
                    if (x < width - 1) best = Math.Min(best, d[i - width + 1] + Diagonal);
                }

                d[i] = best;
            }
        }

        for (var y = height - 1; y >= 0; y--)
        {
            for (var x = width - 1; x >= 0; x--)
            {
                var i = (y * width) + x;
                if (d[i] == 0)
                {
                    continue;
                }

                var best = d[i];
                if (x < width - 1) best = Math.Min(best, d[i + 1] + 1);
                if (y < height - 1)
                {
                    best = Math.Min(best, d[i + width] + 1);
                    if (x < width - 1) best = Math.Min(best, d[i + width + 1] + Diagonal);
                    if (x > 0) best = Math.Min(best, d[i + width - 1] + Diagonal);
                }

                d[i] = best;
            }
        }

        return d;
    }

    /// <summary>True where the 3×3 neighbourhood holds both mask values: the one-pixel band on each side of an edge.</summary>
    public static bool[] EdgeBand(bool[] mask, int width, int height)
    {
        var band = new bool[mask.Length];
        for (var y = 0; y < height; y++)
        {
            var y0 = Math.Max(y - 1, 0);
            var y1 = Math.Min(y + 1, height - 1);
            for (var x = 0; x < width; x++)
            {
                var value = mask[(y * width) + x];
                var x0 = Math.Max(x - 1, 0);
                var x1 = Math.Min(x + 1, width - 1);
                for (var ny = y0; ny <= y1 && !band[(y * width) + x]; ny++)
                {
                    for (var nx = x0; nx <= x1; nx++)
                    {
                        if (mask[(ny * width) + nx] != value)
                        {
                            band[(y * width) + x] = true;
                            break;
                        }
                    }
                }
            }
        }

        return band;
    }

    private static void Flood(Stack<int> stack, int width, int height, Func<int, bool> accepts, Action<int> take, bool eightConnected = true)
    {
        while (stack.Count > 0)
        {
            var i = stack.Pop();
            var x = i % width;
            var y = i / width;
            for (var dy = -1; dy <= 1; dy++)
            {
                var ny = y + dy;
                if (ny < 0 || ny >= height)
                {
                    continue;
                }

                for (var dx = -1; dx <= 1; dx++)
                {
                    var nx = x + dx;
                    if ((dx == 0 && dy == 0) || nx < 0 || nx >= width || (!eightConnected && dx != 0 && dy != 0))
                    {
                        continue;
                    }

                    var j = (ny * width) + nx;
                    if (accepts(j))
                    {
                        take(j);
                        stack.Push(j);
                    }
                }
            }
        }
    }
}
