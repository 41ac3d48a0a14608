using System.Runtime.CompilerServices;
using NetVips;
using ShelfReady.Imaging.Analysis;
using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Segmentation;

/// <summary>
/// Brings a proxy mask to full resolution. Sure pixels are block-copied; pixels in the edge band get alpha from
/// the compositing equation I = αF + (1 − α)B, solved by projecting I − B onto F − B, with F and B the mean
/// colours of nearby sure-product and sure-background proxy pixels. Only the band reads full-resolution pixels.
/// </summary>
internal static class EdgeRefiner
{
    private const int WindowRadius = 3;
    private const int FallbackRadius = 8;

    /// <summary>Smallest |F − B|² (8-bit levels²) that still carries an alpha; below it the binary mask stands.</summary>
    private const float MinContrastSquared = 9f;

    public static byte[] Refine(Image full, PixelBuffer proxy, bool[] mask, int scale, CancellationToken cancellationToken)
    {
        var pw = proxy.Width;
        var ph = proxy.Height;
        var band = MaskOps.EdgeBand(mask, pw, ph);
        if (scale == 1)
        {
            // At native resolution anti-aliasing and lens blur span two pixels on each side of the edge.
            band = Dilate(band, pw, ph);
        }

        var alpha = BlockCopy(mask, pw, ph, scale, full.Width, full.Height);
        cancellationToken.ThrowIfCancellationRequested();

        var bandPixels = Indices(band);
        if (bandPixels.Length == 0)
        {
            return alpha;
        }

        var colours = new LocalColours(proxy, mask, band);
        var source = FullResolutionSource.Fetch(full, proxy, bandPixels, scale);
        foreach (var index in bandPixels)
        {
            var (f, b) = colours.Estimate(index);
            SolveBlock(alpha, source, index % pw, index / pw, pw, ph, scale, full.Width, full.Height, f, b, mask[index]);
        }

        return alpha;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SolveBlock(
        byte[] alpha, FullResolutionSource source, int px, int py, int pw, int ph, int scale, int width, int height,
        (float R, float G, float B) f, (float R, float G, float B) b, bool inMask)
    {
        var dr = f.R - b.R;
        var dg = f.G - b.G;
        var db = f.B - b.B;
        var contrast = (dr * dr) + (dg * dg) + (db * db);
        var (x0, x1) = Extent(px, pw, scale, width);
        var (y0, y1) = Extent(py, ph, scale, height);
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                float value;
                if (contrast < MinContrastSquared)
                {
                    value = inMask ? 1 : 0;
                }
                else
                {
                    var (r, g, bl) = source.Pixel(x, y);
                    value = (((r - b.R) * dr) + ((g - b.G) * dg) + ((bl - b.B) * db)) / contrast;
                }

                alpha[(y * width) + x] = (byte)(Math.Clamp(value, 0f, 1f) * 255f + 0.5f);
            }
        }
    }

    /// <summary>Full-resolution span [start, end) covered by one proxy pixel; the last one absorbs rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Indices(bool[] flags)
    {
        var list = new List<int>();
        for (var i = 0; i < flags.Length; i++)
        {
            if (flags[i])
            {
                list.Add(i);
            }
        }

        return [.. list];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] SureBackground(bool[] mask, bool[] band)
    {
        var list = new List<int>();
        for (var i = 0; i < mask.Length; i++)
        {
            if (!mask[i] && !band[i])
            {
                list.Add(i);
            }
        }

        return [.. list];
    }

    private static (int Start, int End) Extent(int proxyIndex, int proxySize, int scale, int size)
    {
        var start = Math.Min(proxyIndex * scale, size);
        var end = proxyIndex == proxySize - 1 ? size : Math.Min(start + scale, size);
        return (start, end);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] BlockCopy(bool[] mask, int pw, int ph, int scale, int width, int height)
    {
        var alpha = new byte[width * height];
        for (var py = 0; py < ph; py++)
        {
            var (y0, y1) = Extent(py, ph, scale, height);
            if (y0 >= y1)
            {
                continue;
            }

            var row = alpha.AsSpan(y0 * width, width);
            for (var px = 0; px < pw; px++)
            {
                if (mask[(py * pw) + px])
                {
                    var (x0, x1) = Extent(px, pw, scale, width);
                    row[x0..x1].Fill(255);
                }
            }

            for (var y = y0 + 1; y < y1; y++)
            {
                row.CopyTo(alpha.AsSpan(y * width, width));
            }
        }

        return alpha;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool[] Dilate(bool[] band, int width, int height)
    {
        var result = new bool[band.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (!band[(y * width) + x])
                {
                    continue;
                }

                for (var ny = Math.Max(y - 1, 0); ny <= Math.Min(y + 1, height - 1); ny++)
                {
                    for (var nx = Math.Max(x - 1, 0); nx <= Math.Min(x + 1, width - 1); nx++)
                    {
                        result[(ny * width) + nx] = true;
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Mean colours of sure product and sure background around a band pixel, on the proxy.</summary>
    private sealed class LocalColours
    {
        private readonly PixelBuffer proxy;
        private readonly bool[] mask;
        private readonly bool[] band;
        private readonly (float R, float G, float B) globalBackground;

        public LocalColours(PixelBuffer proxy, bool[] mask, bool[] band)
        {
            this.proxy = proxy;
            this.mask = mask;
            this.band = band;
            globalBackground = Mean(SureBackground(mask, band));
        }

        public ((float R, float G, float B) Foreground, (float R, float G, float B) Background) Estimate(int index)
        {
            var background = Window(index, WindowRadius, wantMask: false)
                ?? Window(index, FallbackRadius, wantMask: false)
                ?? globalBackground;
            var foreground = Window(index, WindowRadius, wantMask: true)
                ?? Farthest(index, background);
            return (foreground, background);
        }

        private (float R, float G, float B)? Window(int index, int radius, bool wantMask)
        {
            var (x0, x1, y0, y1) = Bounds(index, radius);
            double r = 0, g = 0, b = 0;
            var count = 0;
            var data = proxy.Data;
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    var i = (y * proxy.Width) + x;
                    if (band[i] || mask[i] != wantMask)
                    {
                        continue;
                    }

                    var p = i * proxy.Bands;
                    r += data[p];
                    g += data[p + 1];
                    b += data[p + 2];
                    count++;
                }
            }

            return count == 0 ? null : ((float)(r / count), (float)(g / count), (float)(b / count));
        }

        /// <summary>For structures thinner than the band (chains, hairs) the purest product colour is the one farthest from the background.</summary>
        private (float R, float G, float B) Farthest(int index, (float R, float G, float B) background)
        {
            var (x0, x1, y0, y1) = Bounds(index, WindowRadius);
            var best = -1f;
            (float R, float G, float B) colour = background;
            var data = proxy.Data;
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    var i = (y * proxy.Width) + x;
                    if (!mask[i])
                    {
                        continue;
                    }

                    var p = i * proxy.Bands;
                    var candidate = ((float)data[p], (float)data[p + 1], (float)data[p + 2]);
                    var dr = candidate.Item1 - background.R;
                    var dg = candidate.Item2 - background.G;
                    var db = candidate.Item3 - background.B;
                    var distance = (dr * dr) + (dg * dg) + (db * db);
                    if (distance > best)
                    {
                        best = distance;
                        colour = candidate;
                    }
                }
            }

            return colour;
        }

        private (int X0, int X1, int Y0, int Y1) Bounds(int index, int radius)
        {
            var x = index % proxy.Width;
            var y = index / proxy.Width;
            return (Math.Max(x - radius, 0), Math.Min(x + radius, proxy.Width - 1), Math.Max(y - radius, 0), Math.Min(y + radius, proxy.Height - 1));
        }

        private (float R, float G, float B) Mean(IEnumerable<int> indices)
        {
            double r = 0, g = 0, b = 0;
            var count = 0;
            foreach (var i in indices)
            {
                var p = i * proxy.Bands;
                r += proxy.Data[p];
                g += proxy.Data[p + 1];
                b += proxy.Data[p + 2];
                count++;
            }

            return count == 0 ? (255f, 255f, 255f) : ((float)(r / count), (float)(g / count), (float)(b / count));
        }
    }

    /// <summary>The full-resolution pixels under the band's bounding box, read once.</summary>
    private sealed class FullResolutionSource
    {
        private readonly PixelBuffer pixels;
        private readonly int left;
        private readonly int top;

        private FullResolutionSource(PixelBuffer pixels, int left, int top)
        {
            this.pixels = pixels;
            this.left = left;
            this.top = top;
        }

        public static FullResolutionSource Fetch(Image full, PixelBuffer proxy, int[] bandPixels, int scale)
        {
            if (scale == 1)
            {
                return new FullResolutionSource(proxy, 0, 0);
            }

            var minX = bandPixels.Min(i => i % proxy.Width);
            var maxX = bandPixels.Max(i => i % proxy.Width);
            var minY = bandPixels[0] / proxy.Width;
            var maxY = bandPixels[^1] / proxy.Width;
            var (x0, _) = Extent(minX, proxy.Width, scale, full.Width);
            var (_, x1) = Extent(maxX, proxy.Width, scale, full.Width);
            var (y0, _) = Extent(minY, proxy.Height, scale, full.Height);
            var (_, y1) = Extent(maxY, proxy.Height, scale, full.Height);
            using var crop = full.Crop(x0, y0, x1 - x0, y1 - y0);
            return new FullResolutionSource(PixelBuffer.From(crop), x0, y0);
        }

        public (float R, float G, float B) Pixel(int x, int y)
        {
            var p = pixels.IndexOf(x - left, y - top);
            return (pixels.Data[p], pixels.Data[p + 1], pixels.Data[p + 2]);
        }
    }
}
