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
        var components = ConnectedRegions.Find(map, mapWidth, mapHeight, (float)spec.Threshold);
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
}
