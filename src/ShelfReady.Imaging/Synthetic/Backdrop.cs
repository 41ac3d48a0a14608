using ShelfReady.Imaging.Analysis;

namespace ShelfReady.Imaging.Synthetic;

/// <summary>The studio backdrop as a smooth colour field over the frame, before shadows and noise.</summary>
internal sealed class Backdrop
{
    private readonly BackgroundKind kind;
    private readonly (float R, float G, float B) tone;
    private readonly (float R, float G, float B) far;
    private readonly float directionX;
    private readonly float directionY;
    private readonly float centreX;
    private readonly float centreY;
    private readonly float falloff;
    private readonly int width;
    private readonly int height;

    private Backdrop(BackgroundKind kind, SplitMix random, int width, int height)
    {
        this.kind = kind;
        this.width = width;
        this.height = height;
        tone = BaseTone(kind, random);
        var angle = random.Range(0, 2 * Math.PI);
        directionX = (float)Math.Cos(angle);
        directionY = (float)Math.Sin(angle);
        var drop = (float)random.Range(12, 30);
        far = (tone.R - drop, tone.G - drop, tone.B - (drop * (float)random.Range(0.9, 1.1)));
        centreX = (float)random.Range(0.35, 0.65) * width;
        centreY = (float)random.Range(0.3, 0.6) * height;
        falloff = kind == BackgroundKind.Vignette ? (float)random.Range(0.08, 0.18) : (float)random.Range(0.07, 0.14);
    }

    public static Backdrop Create(BackgroundKind kind, SplitMix random, int width, int height) =>
        new(kind, random, width, height);

    public (float R, float G, float B) At(int x, int y)
    {
        switch (kind)
        {
            case BackgroundKind.LinearGradient:
                {
                    // t runs 0 → 1 across the frame along the gradient direction.
                    var u = (((x + 0.5f) / width) - 0.5f) * directionX;
                    var v = (((y + 0.5f) / height) - 0.5f) * directionY;
                    var t = (u + v) / (MathF.Abs(directionX * 0.5f) + MathF.Abs(directionY * 0.5f)) * 0.5f + 0.5f;
                    return (Lerp(tone.R, far.R, t), Lerp(tone.G, far.G, t), Lerp(tone.B, far.B, t));
                }

            case BackgroundKind.RadialGradient:
                {
                    var dx = (x - centreX) / width;
                    var dy = (y - centreY) / height;
                    var f = 1 - (falloff * 2.2f * ((dx * dx) + (dy * dy)));
                    return (tone.R * f, tone.G * f, tone.B * f);
                }

            case BackgroundKind.Vignette:
                {
                    var dx = (((x + 0.5f) / width) * 2) - 1;
                    var dy = (((y + 0.5f) / height) * 2) - 1;
                    var r2 = ((dx * dx) + (dy * dy)) / 2;
                    var f = 1 - (falloff * r2 * (0.6f + (0.4f * r2)));
                    return (tone.R * f, tone.G * f, tone.B * f);
                }

            default:
                return tone;
        }
    }

    /// <summary>Writes one row of interleaved RGB into <paramref name="row"/> (3 × width floats).</summary>
    public void FillRow(int y, float[] row)
    {
        for (var x = 0; x < width; x++)
        {
            var (r, g, b) = At(x, y);
            row[x * 3] = r;
            row[(x * 3) + 1] = g;
            row[(x * 3) + 2] = b;
        }
    }

    /// <summary>Mean colour over a rectangle, sampled on a sparse grid.</summary>
    public RgbColor Mean(int x0, int y0, int x1, int y1)
    {
        double r = 0, g = 0, b = 0;
        var count = 0;
        var stepX = Math.Max(1, (x1 - x0) / 64);
        var stepY = Math.Max(1, (y1 - y0) / 64);
        for (var y = y0; y < y1; y += stepY)
        {
            for (var x = x0; x < x1; x += stepX)
            {
                var c = At(x, y);
                r += c.R;
                g += c.G;
                b += c.B;
                count++;
            }
        }

        return new RgbColor(r / count, g / count, b / count);
    }

    private static float Lerp(float a, float b, float t) => a + ((b - a) * t);

    private static (float R, float G, float B) BaseTone(BackgroundKind kind, SplitMix random)
    {
        switch (kind)
        {
            case BackgroundKind.OffWhite:
                {
                    var level = (float)random.Range(243, 251);
                    var warmth = (float)random.Range(4, 11);
                    return (level, level - (warmth * 0.4f), level - warmth);
                }

            case BackgroundKind.LightGrey:
                {
                    var level = (float)random.Range(205, 232);
                    return (level, level + (float)random.Range(-1.5, 1.5), level + (float)random.Range(-1, 3));
                }

            default:
                {
                    var level = (float)random.Range(247, 254.5);
                    return (level, level, level - (float)random.Range(0, 2));
                }
        }
    }
}
