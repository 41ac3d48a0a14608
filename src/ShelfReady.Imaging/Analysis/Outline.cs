namespace ShelfReady.Imaging.Analysis;

/// <summary>Boundary length and convex hull of a mask.</summary>
internal static class Outline
{
    /// <summary>Σ|∇α| (central differences): by the co-area formula, the length of the soft boundary in pixels.</summary>
    public static double Length(float[] alpha, int width, int height)
    {
        var sum = 0.0;
        for (var y = 1; y < height - 1; y++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                var i = (y * width) + x;
                var gx = (alpha[i + 1] - alpha[i - 1]) / 2;
                var gy = (alpha[i + width] - alpha[i - width]) / 2;
                sum += MathF.Sqrt((gx * gx) + (gy * gy));
            }
        }

        return sum;
    }

    /// <summary>Perimeter and area of the convex hull of the mask's pixel squares (Andrew's monotone chain).</summary>
    public static (double Perimeter, double Area) Hull(bool[] mask, int width, int height)
    {
        var points = new List<(double X, double Y)>();
        for (var y = 0; y < height; y++)
        {
            var first = -1;
            var last = -1;
            for (var x = 0; x < width; x++)
            {
                if (mask[(y * width) + x])
                {
                    first = first < 0 ? x : first;
                    last = x;
                }
            }

            if (first >= 0)
            {
                points.AddRange([(first, y), (first, y + 1), (last + 1, y), (last + 1, y + 1)]);
            }
        }

        var hull = ConvexHull(points);
        var perimeter = 0.0;
        var twiceArea = 0.0;
        for (var i = 0; i < hull.Count; i++)
        {
            var (ax, ay) = hull[i];
            var (bx, by) = hull[(i + 1) % hull.Count];
            perimeter += Math.Sqrt(((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay)));
            twiceArea += (ax * by) - (bx * ay);
        }

        return (perimeter, Math.Abs(twiceArea) / 2);
    }

    private static List<(double X, double Y)> ConvexHull(List<(double X, double Y)> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        if (sorted.Count < 3)
        {
            return sorted;
        }

        var hull = new List<(double X, double Y)>();
        foreach (var pass in new[] { sorted, Enumerable.Reverse(sorted).ToList() })
        {
            var start = hull.Count;
            foreach (var p in pass)
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], p) <= 0)
                {
                    hull.RemoveAt(hull.Count - 1);
                }

                hull.Add(p);
            }

            hull.RemoveAt(hull.Count - 1);
        }

        return hull;
    }

    private static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) =>
        ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
}
