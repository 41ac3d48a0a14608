using NetVips;
using ShelfReady.Imaging.Analysis;
using ShelfReady.Imaging.Color;
using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Synthetic;

/// <summary>Composites a product layer over its backdrop with shadows and sensor noise, and measures the labels.</summary>
internal static class ShotRenderer
{
    private static readonly float[] GaussianTable = BuildGaussianTable();

    public static (Image Photo, Image Alpha) Render(Backdrop backdrop, ProductLayer layer, float[] shade, double noiseSigma, SplitMix random, int width, int height)
    {
        var rgb = new byte[width * height * 3];
        var alpha = new byte[width * height];
        var sigma = (float)noiseSigma;
        var row = new float[width * 3];
        for (var y = 0; y < height; y++)
        {
            backdrop.FillRow(y, row);
            var layerRow = y - layer.Top;
            var inLayerRow = layerRow >= 0 && layerRow < layer.Height;
            for (var x = 0; x < width; x++)
            {
                var i = (y * width) + x;
                var lx = x - layer.Left;
                var a = inLayerRow && lx >= 0 && lx < layer.Width ? layer.Alpha[(layerRow * layer.Width) + lx] : 0f;
                var keep = shade[i] * (1 - a);
                float r = row[x * 3] * keep, g = row[(x * 3) + 1] * keep, b = row[(x * 3) + 2] * keep;
                if (a > 0)
                {
                    var li = ((layerRow * layer.Width) + lx) * 3;
                    r += layer.Colour[li];
                    g += layer.Colour[li + 1];
                    b += layer.Colour[li + 2];
                }

                var noise = random.NextUInt64();
                rgb[(i * 3) + 0] = ToByte(r + (sigma * GaussianTable[noise & 0xFFFF]));
                rgb[(i * 3) + 1] = ToByte(g + (sigma * GaussianTable[(noise >> 16) & 0xFFFF]));
                rgb[(i * 3) + 2] = ToByte(b + (sigma * GaussianTable[(noise >> 32) & 0xFFFF]));
                alpha[i] = ToByte(a * 255);
            }
        }

        return (PixelBuffer.Wrap(rgb, width, height, 3).ToImage(), PixelBuffer.Wrap(alpha, width, height, 1).ToImage());
    }

    /// <summary>Background multiplier: 1 where lit, lower under contact and drop shadows.</summary>
    public static float[] Shade(ProductLayer layer, SplitMix random, int width, int height, bool contactShadow)
    {
        var shade = new float[width * height];
        Array.Fill(shade, 1f);
        var size = Math.Min(width, height);
        if (contactShadow)
        {
            AddContactShadow(shade, layer, random, width, height, size);
        }

        if (random.Chance(0.4))
        {
            AddDropShadow(shade, layer, random, width, height, size);
        }

        return shade;
    }

    /// <summary>Mean unpremultiplied colour of pixels at least half covered, and the backdrop under them.</summary>
    public static (RgbColor Product, RgbColor Under) MeanColours(ProductLayer layer, Backdrop backdrop)
    {
        double pr = 0, pg = 0, pb = 0, weight = 0, ur = 0, ug = 0, ub = 0;
        var count = 0;
        for (var i = 0; i < layer.Alpha.Length; i++)
        {
            var a = layer.Alpha[i];
            if (a < 0.5f)
            {
                continue;
            }

            pr += layer.Colour[i * 3];
            pg += layer.Colour[(i * 3) + 1];
            pb += layer.Colour[(i * 3) + 2];
            weight += a;
            var (r, g, b) = backdrop.At(layer.Left + (i % layer.Width), layer.Top + (i / layer.Width));
            ur += r;
            ug += g;
            ub += b;
            count++;
        }

        return count == 0
            ? (default, default)
            : (new RgbColor(pr / weight, pg / weight, pb / weight), new RgbColor(ur / count, ug / count, ub / count));
    }

    public static double DeltaE(RgbColor first, RgbColor second) => ColorMath.DeltaE76(first.ToLab(), second.ToLab());

    /// <summary>A soft dark ellipse where the product meets the sweep.</summary>
    private static void AddContactShadow(float[] shade, ProductLayer layer, SplitMix random, int width, int height, int size)
    {
        var (bottom, left, right) = Footprint(layer);
        if (right <= left)
        {
            return;
        }

        var cx = (left + right) / 2f;
        var cy = bottom - (size * 0.005f);
        var rx = ((right - left) * 0.55f) + (size * 0.02f);
        var ry = size * (float)random.Range(0.02, 0.045);
        var strength = (float)random.Range(0.15, 0.4);
        var x0 = Math.Max(0, (int)(cx - (2.5f * rx)));
        var x1 = Math.Min(width, (int)(cx + (2.5f * rx)));
        var y0 = Math.Max(0, (int)(cy - (2.5f * ry)));
        var y1 = Math.Min(height, (int)(cy + (2.5f * ry)));
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var qx = (x + 0.5f - cx) / rx;
                var qy = (y + 0.5f - cy) / ry;
                shade[(y * width) + x] *= 1 - (strength * MathF.Exp(-2 * ((qx * qx) + (qy * qy))));
            }
        }
    }

    /// <summary>Lowest covered row and the horizontal extent of the product's bottom 4%.</summary>
    private static (int Bottom, int Left, int Right) Footprint(ProductLayer layer)
    {
        var bottom = -1;
        for (var y = layer.Height - 1; y >= 0 && bottom < 0; y--)
        {
            for (var x = 0; x < layer.Width; x++)
            {
                if (layer.Alpha[(y * layer.Width) + x] > 0.5f)
                {
                    bottom = y;
                    break;
                }
            }
        }

        var left = int.MaxValue;
        var right = int.MinValue;
        var rows = Math.Max(2, layer.Height / 25);
        for (var y = Math.Max(0, bottom - rows); y <= bottom; y++)
        {
            for (var x = 0; x < layer.Width; x++)
            {
                if (layer.Alpha[(y * layer.Width) + x] > 0.5f)
                {
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                }
            }
        }

        return (layer.Top + bottom, layer.Left + left, layer.Left + right);
    }

    /// <summary>The product's silhouette blurred and offset, as a softbox casts it; blurred on a shrunk copy to stay cheap at 12 MP.</summary>
    private static void AddDropShadow(float[] shade, ProductLayer layer, SplitMix random, int width, int height, int size)
    {
        var sigma = size * random.Range(0.01, 0.025);
        var offsetX = (int)(size * random.Range(-0.015, 0.015));
        var offsetY = (int)(size * random.Range(0.005, 0.02));
        var strength = (float)random.Range(0.08, 0.2);
        var margin = (int)(3 * sigma);
        var factor = Math.Max(1, size / 400);
        using var silhouette = Image.NewFromMemory(layer.Alpha, layer.Width, layer.Height, 1, Enums.BandFormat.Float);
        using var padded = silhouette.Embed(margin, margin, layer.Width + (2 * margin), layer.Height + (2 * margin));
        using var small = padded.Shrink(factor, factor);
        using var blurred = small.Gaussblur(sigma / factor);
        using var restored = blurred.Resize(factor, kernel: Enums.Kernel.Linear);
        var values = restored.WriteToMemory<float>();
        var left = layer.Left - margin + offsetX;
        var top = layer.Top - margin + offsetY;
        for (var sy = 0; sy < restored.Height; sy++)
        {
            var y = top + sy;
            if (y < 0 || y >= height)
            {
                continue;
            }

            for (var sx = 0; sx < restored.Width; sx++)
            {
                var x = left + sx;
                if (x >= 0 && x < width)
                {
                    shade[(y * width) + x] *= 1 - (strength * Math.Clamp(values[(sy * restored.Width) + sx], 0f, 1f));
                }
            }
        }
    }

    private static byte ToByte(float value) => (byte)Math.Clamp(value + 0.5f, 0f, 255f);

    private static float[] BuildGaussianTable()
    {
        var random = new SplitMix(0x6A09E667F3BCC909UL);
        var table = new float[1 << 16];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (float)random.Gaussian();
        }

        return table;
    }
}
