namespace ShelfReady.Inference.TextDetection;

/// <summary>Connected regions of a thresholded map: text kernels for the DB detector, separate objects in a matte for compliance.</summary>
public static class ConnectedRegions
{
    /// <summary>The 8-connected regions of samples above <paramref name="threshold"/> in a row-major map, each with its extent and pixel count.</summary>
    public static IReadOnlyList<Region> Find(ReadOnlySpan<float> map, int width, int height, float threshold)
    {
        if (map.Length != width * height)
        {
            throw new ArgumentException($"The map holds {map.Length} samples; {width}×{height} needs {width * height}.", nameof(map));
        }

        // Two passes with union-find, 8-connected like a contour search.
        var labels = new int[map.Length];
        var parent = new List<int> { 0 };
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                if (map[i] <= threshold)
                {
                    continue;
                }

                var label = 0;
                foreach (var neighbour in Neighbours(x, y, width))
                {
                    var other = labels[neighbour];
                    if (other == 0)
                    {
                        continue;
                    }

                    label = label == 0 ? Find(parent, other) : Union(parent, label, other);
                }

                if (label == 0)
                {
                    label = parent.Count;
                    parent.Add(label);
                }

                labels[i] = label;
            }
        }

        var byRoot = new Dictionary<int, Region>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 0)
            {
                continue;
            }

            var root = Find(parent, labels[i]);
            var (x, y) = (i % width, i / width);
            byRoot[root] = byRoot.TryGetValue(root, out var c)
                ? new Region(Math.Min(c.MinX, x), Math.Min(c.MinY, y), Math.Max(c.MaxX, x), Math.Max(c.MaxY, y), c.Pixels + 1)
                : new Region(x, y, x, y, 1);
        }

        return [.. byRoot.Values];
    }

    // Already-visited neighbours in scan order: left, and the three above.
    private static IEnumerable<int> Neighbours(int x, int y, int width)
    {
        var i = (y * width) + x;
        if (x > 0)
        {
            yield return i - 1;
        }

        if (y == 0)
        {
            yield break;
        }

        if (x > 0)
        {
            yield return i - width - 1;
        }

        yield return i - width;
        if (x < width - 1)
        {
            yield return i - width + 1;
        }
    }

    private static int Find(List<int> parent, int label)
    {
        while (parent[label] != label)
        {
            parent[label] = parent[parent[label]];
            label = parent[label];
        }

        return label;
    }

    private static int Union(List<int> parent, int a, int b)
    {
        var (rootA, rootB) = (Find(parent, a), Find(parent, b));
        var root = Math.Min(rootA, rootB);
        parent[rootA] = root;
        parent[rootB] = root;
        return root;
    }

    /// <summary>One region: inclusive pixel extent and how many pixels it holds.</summary>
    /// <param name="MinX">Leftmost column.</param>
    /// <param name="MinY">Top row.</param>
    /// <param name="MaxX">Rightmost column.</param>
    /// <param name="MaxY">Bottom row.</param>
    /// <param name="Pixels">Pixels in the region.</param>
    public readonly record struct Region(int MinX, int MinY, int MaxX, int MaxY, int Pixels);
}
