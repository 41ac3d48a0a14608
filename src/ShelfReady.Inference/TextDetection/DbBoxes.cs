using ShelfReady.Inference.Models;

namespace ShelfReady.Inference.TextDetection;

/// <summary>
/// Differentiable Binarization post-processing: threshold the text probability map, take each connected region
/// as a shrunk text kernel, score it by the mean probability inside its box, grow the box back by
/// area · ratio / perimeter (the inverse of the shrink DB trains with) and scale it to the searched image.
/// Boxes are axis-aligned: compliance asks where text lies and how much there is, not its reading angle.
/// </summary>
internal static class DbBoxes
{
    public static IReadOnlyList<TextRegion> Extract(ReadOnlySpan<float> map, int mapWidth, int mapHeight, int imageWidth, int imageHeight, DetectionSpec spec)
    {
        var labels = new int[map.Length];
        var components = Label(map, mapWidth, mapHeight, (float)spec.Threshold, labels);
        var integral = Integral(map, mapWidth, mapHeight);
        var scaleX = imageWidth / (double)mapWidth;
        var scaleY = imageHeight / (double)mapHeight;
        var regions = new List<TextRegion>();
        foreach (var box in components.OrderByDescending(c => c.Pixels).Take(spec.MaxCandidates))
        {
            var width = box.MaxX - box.MinX + 1;
            var height = box.MaxY - box.MinY + 1;
            if (Math.Min(width, height) < spec.MinSize)
            {
                continue;
            }

            var score = Sum(integral, mapWidth, box.MinX, box.MinY, box.MaxX + 1, box.MaxY + 1) / ((double)width * height);
            if (score < spec.BoxThreshold)
            {
                continue;
            }

            var grow = width * height * spec.UnclipRatio / (2.0 * (width + height));
            if (Math.Min(width, height) + (2 * grow) < spec.MinSize + 2)
            {
                continue;
            }

            var left = Math.Clamp((box.MinX - grow) * scaleX, 0, imageWidth - 1);
            var top = Math.Clamp((box.MinY - grow) * scaleY, 0, imageHeight - 1);
            var right = Math.Clamp((box.MaxX + 1 + grow) * scaleX, left + 1, imageWidth);
            var bottom = Math.Clamp((box.MaxY + 1 + grow) * scaleY, top + 1, imageHeight);
            var x = (int)Math.Floor(left);
            var y = (int)Math.Floor(top);
            regions.Add(new TextRegion(x, y, Math.Max(1, (int)Math.Ceiling(right) - x), Math.Max(1, (int)Math.Ceiling(bottom) - y), Math.Round(score, 4)));
        }

        return regions.OrderByDescending(r => r.Score).ToList();
    }

    // Two-pass labelling with union-find, 8-connected like a contour search; returns each region's extent.
    private static List<Component> Label(ReadOnlySpan<float> map, int width, int height, float threshold, int[] labels)
    {
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

        var byRoot = new Dictionary<int, Component>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 0)
            {
                continue;
            }

            var root = Find(parent, labels[i]);
            var (x, y) = (i % width, i / width);
            byRoot[root] = byRoot.TryGetValue(root, out var c)
                ? new Component(Math.Min(c.MinX, x), Math.Min(c.MinY, y), Math.Max(c.MaxX, x), Math.Max(c.MaxY, y), c.Pixels + 1)
                : new Component(x, y, x, y, 1);
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

    private static double[] Integral(ReadOnlySpan<float> map, int width, int height)
    {
        var sums = new double[(width + 1) * (height + 1)];
        for (var y = 0; y < height; y++)
        {
            double row = 0;
            for (var x = 0; x < width; x++)
            {
                row += map[(y * width) + x];
                sums[((y + 1) * (width + 1)) + x + 1] = sums[(y * (width + 1)) + x + 1] + row;
            }
        }

        return sums;
    }

    private static double Sum(double[] integral, int width, int x0, int y0, int x1, int y1)
    {
        var stride = width + 1;
        return integral[(y1 * stride) + x1] - integral[(y0 * stride) + x1] - integral[(y1 * stride) + x0] + integral[(y0 * stride) + x0];
    }

    private readonly record struct Component(int MinX, int MinY, int MaxX, int MaxY, int Pixels);
}
