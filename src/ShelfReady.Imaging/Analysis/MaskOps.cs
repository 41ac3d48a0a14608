using System.Runtime.CompilerServices;
namespace ShelfReady.Imaging.Analysis;

/// <summary>Binary-mask operations on row-major bool planes, shared by the segmenter and the analysers.</summary>
internal static class MaskOps
{
    /// <summary>Pixels at or above <paramref name="low"/> that are 8-connected to a pixel at or above <paramref name="high"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool[] Hysteresis(float[] strength, int width, int height, float high, float low)
    {
        var rule = new GrowRule(strength, low, new bool[strength.Length]);
        var stack = new int[strength.Length];
        for (var i = 0; i < strength.Length; i++)
        {
            if (strength[i] >= high && !rule.Mask[i])
            {
                rule.Mask[i] = true;
                Flood(ref rule, stack, i, width, height, eightConnected: true);
            }
        }

        return rule.Mask;
    }

    /// <summary>Sets every false pixel that cannot reach the frame border through false pixels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FillHoles(bool[] mask, int width, int height)
    {
        var outside = Outside(mask, width, height);
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] |= !outside[i];
        }
    }

    /// <summary>Clears 8-connected components smaller than a fraction of the largest one (dust, noise, stray specks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void KeepMainComponents(bool[] mask, int width, int height, double minFraction, int minPixels)
    {
        var (labels, sizes) = Label(mask, width, height);
        var keepAbove = Math.Max(minPixels, minFraction * sizes.Max());
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] && sizes[labels[i]] < keepAbove)
            {
                mask[i] = false;
            }
        }
    }

    /// <summary>
    /// Labels the 8-connected components of a mask: the label plane (0 = not in the mask, else 1..n) and each
    /// label's pixel count at its index (index 0 unused).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int[] Labels, List<int> Sizes) Label(bool[] mask, int width, int height)
    {
        var rule = new LabelRule(mask, new int[mask.Length]);
        var stack = new int[mask.Length];
        var sizes = new List<int> { 0 };
        for (var i = 0; i < mask.Length; i++)
        {
            if (!mask[i] || rule.Labels[i] != 0)
            {
                continue;
            }

            rule.Current = sizes.Count;
            rule.Size = 1;
            rule.Labels[i] = rule.Current;
            Flood(ref rule, stack, i, width, height, eightConnected: true);
            sizes.Add(rule.Size);
        }

        return (rule.Labels, sizes);
    }

    /// <summary>False pixels that reach the frame border through false pixels (4-connected): the outside of a mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool[] Outside(bool[] mask, int width, int height)
    {
        var rule = new OutsideRule(mask, new bool[mask.Length]);
        var stack = new int[mask.Length];
        for (var x = 0; x < width; x++)
        {
            Seed(ref rule, stack, x, width, height);
            Seed(ref rule, stack, ((height - 1) * width) + x, width, height);
        }

        for (var y = 0; y < height; y++)
        {
            Seed(ref rule, stack, y * width, width, height);
            Seed(ref rule, stack, (y * width) + width - 1, width, height);
        }

        return rule.Outside;
    }

    /// <summary>
    /// Two-pass chamfer distance (1, √2) from every pixel to the nearest pixel whose mask value differs from
    /// <paramref name="inside"/>; pixels not equal to <paramref name="inside"/> get 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
                if (x > 0) best = Smaller(best, d[i - 1] + 1);
                if (y > 0)
                {
                    best = Smaller(best, d[i - width] + 1);
                    if (x > 0) best = Smaller(best, d[i - width - 1] + Diagonal);
                    if (x < width - 1) best = Smaller(best, d[i - width + 1] + Diagonal);
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
                if (x < width - 1) best = Smaller(best, d[i + 1] + 1);
                if (y < height - 1)
                {
                    best = Smaller(best, d[i + width] + 1);
                    if (x < width - 1) best = Smaller(best, d[i + width + 1] + Diagonal);
                    if (x > 0) best = Smaller(best, d[i + width - 1] + Diagonal);
                }

                d[i] = best;
            }
        }

        return d;
    }

    /// <summary>
    /// <see cref="Distance"/> for both sides at once: to set pixels the distance to the nearest clear pixel, as
    /// with inside: true, and to clear pixels the distance to the nearest set one, as with inside: false; the
    /// other side's pixels get 0 in each plane. One pass pair over one plane instead of two: a pixel's neighbours
    /// on the other side count as 0, which is what the separate transforms see, so the values are the same.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (float[] Inside, float[] Outside) Distances(bool[] mask, int width, int height)
    {
        const float Diagonal = 1.41421356f;
        var d = new float[mask.Length];
        Array.Fill(d, width + height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                var side = mask[i];
                var best = d[i];
                if (x > 0) best = Smaller(best, Near(mask, d, i - 1, side) + 1);
                if (y > 0)
                {
                    best = Smaller(best, Near(mask, d, i - width, side) + 1);
                    if (x > 0) best = Smaller(best, Near(mask, d, i - width - 1, side) + Diagonal);
                    if (x < width - 1) best = Smaller(best, Near(mask, d, i - width + 1, side) + Diagonal);
                }

                d[i] = best;
            }
        }

        for (var y = height - 1; y >= 0; y--)
        {
            for (var x = width - 1; x >= 0; x--)
            {
                var i = (y * width) + x;
                var side = mask[i];
                var best = d[i];
                if (x < width - 1) best = Smaller(best, Near(mask, d, i + 1, side) + 1);
                if (y < height - 1)
                {
                    best = Smaller(best, Near(mask, d, i + width, side) + 1);
                    if (x < width - 1) best = Smaller(best, Near(mask, d, i + width + 1, side) + Diagonal);
                    if (x > 0) best = Smaller(best, Near(mask, d, i + width - 1, side) + Diagonal);
                }

                d[i] = best;
            }
        }

        var (inside, outside) = (new float[mask.Length], new float[mask.Length]);
        for (var i = 0; i < d.Length; i++)
        {
            (mask[i] ? inside : outside)[i] = d[i];
        }

        return (inside, outside);
    }

    /// <summary>A neighbour's running distance, or 0 when it lies on the other side (it is the nearest such pixel).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Near(bool[] mask, float[] d, int n, bool side) => mask[n] == side ? d[n] : 0;

    /// <summary>The smaller of two distances; unlike <see cref="Math.Min(float, float)"/> it spends nothing on NaN and signed zeros, which distances never are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Smaller(float a, float b) => b < a ? b : a;

    /// <summary>True where the 3×3 neighbourhood holds both mask values: the one-pixel band on each side of an edge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool[] EdgeBand(bool[] mask, int width, int height)
    {
        // Row-wise "any" and "all" over each horizontal triple make the 3×3 test six lookups per pixel.
        var any = new bool[mask.Length];
        var all = new bool[mask.Length];
        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var l = mask[row + Math.Max(x - 1, 0)];
                var c = mask[row + x];
                var r = mask[row + Math.Min(x + 1, width - 1)];
                any[row + x] = l | c | r;
                all[row + x] = l & c & r;
            }
        }

        var band = new bool[mask.Length];
        for (var y = 0; y < height; y++)
        {
            var up = Math.Max(y - 1, 0) * width;
            var row = y * width;
            var down = Math.Min(y + 1, height - 1) * width;
            for (var x = 0; x < width; x++)
            {
                var anyTrue = any[up + x] | any[row + x] | any[down + x];
                var allTrue = all[up + x] & all[row + x] & all[down + x];
                band[row + x] = anyTrue && !allTrue;
            }
        }

        return band;
    }

    private static void Seed(ref OutsideRule rule, int[] stack, int i, int width, int height)
    {
        if (rule.Accepts(i))
        {
            rule.Take(i);
            Flood(ref rule, stack, i, width, height, eightConnected: false);
        }
    }

    /// <summary>
    /// Scanline flood fill from a pixel the rule has taken: each popped pixel grows into the whole run of accepted
    /// pixels along its row, and one seed is pushed per run of accepted pixels touching that run in the rows above
    /// and below (diagonally too when 8-connected). Far fewer pushes and index divisions than a fill per pixel; the
    /// filled set is the same. The rule is a struct so the JIT specialises and inlines it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Flood<TRule>(ref TRule rule, int[] stack, int start, int width, int height, bool eightConnected)
        where TRule : struct, IFloodRule
    {
        var top = 0;
        stack[top++] = start;
        while (top > 0)
        {
            var i = stack[--top];
            var y = i / width;
            var row = y * width;
            var (left, right) = (i - row, i - row);
            while (left > 0 && rule.Accepts(row + left - 1))
            {
                rule.Take(row + --left);
            }

            while (right < width - 1 && rule.Accepts(row + right + 1))
            {
                rule.Take(row + ++right);
            }

            var (from, to) = eightConnected ? (Math.Max(0, left - 1), Math.Min(width - 1, right + 1)) : (left, right);
            if (y > 0)
            {
                top = SeedRuns(ref rule, stack, top, row - width + from, row - width + to);
            }

            if (y < height - 1)
            {
                top = SeedRuns(ref rule, stack, top, row + width + from, row + width + to);
            }
        }
    }

    /// <summary>Takes and pushes the first pixel of each run of accepted pixels in [first, last] of one row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SeedRuns<TRule>(ref TRule rule, int[] stack, int top, int first, int last)
        where TRule : struct, IFloodRule
    {
        var inRun = false;
        for (var j = first; j <= last; j++)
        {
            var accepted = rule.Accepts(j);
            if (accepted && !inRun)
            {
                rule.Take(j);
                stack[top++] = j;
            }

            inRun = accepted;
        }

        return top;
    }

    private interface IFloodRule
    {
        bool Accepts(int index);

        void Take(int index);
    }

    private struct GrowRule(float[] strength, float low, bool[] mask) : IFloodRule
    {
        public readonly bool[] Mask = mask;

        public readonly bool Accepts(int index) => !Mask[index] && strength[index] >= low;

        public readonly void Take(int index) => Mask[index] = true;
    }

    private struct OutsideRule(bool[] mask, bool[] outside) : IFloodRule
    {
        public readonly bool[] Outside = outside;

        public readonly bool Accepts(int index) => !mask[index] && !Outside[index];

        public readonly void Take(int index) => Outside[index] = true;
    }

    private struct LabelRule(bool[] mask, int[] labels) : IFloodRule
    {
        public readonly int[] Labels = labels;
        public int Current;
        public int Size;

        public readonly bool Accepts(int index) => mask[index] && Labels[index] == 0;

        public void Take(int index)
        {
            Labels[index] = Current;
            Size++;
        }
    }
}
