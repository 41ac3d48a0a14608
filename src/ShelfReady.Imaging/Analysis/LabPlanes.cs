using System.Runtime.CompilerServices;
using ShelfReady.Imaging.Color;
using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Analysis;

/// <summary>
/// An image as three float planes of CIE L*a*b*. The conversion replaces the cube root by a table with linear
/// interpolation: per-pixel <see cref="ColorMath.ToLab"/> costs tens of milliseconds on a megapixel proxy.
/// </summary>
internal sealed class LabPlanes
{
    private const int CurveSteps = 4096;
    private static readonly float[] Linear = BuildLinear();
    private static readonly float[] Curve = BuildCurve();

    private LabPlanes(int width, int height)
    {
        Width = width;
        Height = height;
        L = new float[width * height];
        A = new float[width * height];
        B = new float[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public float[] L { get; }

    public float[] A { get; }

    public float[] B { get; }

    public static LabPlanes From(PixelBuffer rgb)
    {
        var planes = new LabPlanes(rgb.Width, rgb.Height);
        var data = rgb.Data;
        var bands = rgb.Bands;
        var linear = Linear;
        var curve = Curve;
        for (int i = 0, p = 0; i < planes.L.Length; i++, p += bands)
        {
            var r = linear[data[p]];
            var g = linear[data[p + 1]];
            var b = linear[data[p + 2]];
            var fx = F(curve, ((0.4124564f * r) + (0.3575761f * g) + (0.1804375f * b)) / 0.95047f);
            var fy = F(curve, (0.2126729f * r) + (0.7151522f * g) + (0.0721750f * b));
            var fz = F(curve, ((0.0193339f * r) + (0.1191920f * g) + (0.9503041f * b)) / 1.08883f);
            planes.L[i] = (116 * fy) - 16;
            planes.A[i] = 500 * (fx - fy);
            planes.B[i] = 200 * (fy - fz);
        }

        return planes;
    }

    /// <summary>Replaces each plane by its 3×3 box average, which takes sensor noise out of per-pixel thresholds.</summary>
    public void BoxBlur3()
    {
        var scratch = new float[L.Length];
        foreach (var plane in new[] { L, A, B })
        {
            Blur3(plane, scratch, Width, Height);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Blur3(float[] plane, float[] scratch, int width, int height)
    {
        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var l = plane[row + Math.Max(x - 1, 0)];
                var r = plane[row + Math.Min(x + 1, width - 1)];
                scratch[row + x] = (l + plane[row + x] + r) / 3f;
            }
        }

        for (var y = 0; y < height; y++)
        {
            var up = Math.Max(y - 1, 0) * width;
            var row = y * width;
            var down = Math.Min(y + 1, height - 1) * width;
            for (var x = 0; x < width; x++)
            {
                plane[row + x] = (scratch[up + x] + scratch[row + x] + scratch[down + x]) / 3f;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float F(float[] curve, float t)
    {
        // The scaled XYZ components of an sRGB colour stay within [0, 1.0001]; the clamp guards rounding.
        var position = (t < 0 ? 0 : t > 1 ? 1 : t) * CurveSteps;
        var index = (int)position;
        index = index < CurveSteps ? index : CurveSteps - 1;
        return curve[index] + ((curve[index + 1] - curve[index]) * (position - index));
    }

    private static float[] BuildLinear()
    {
        var table = new float[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (float)ColorMath.SrgbToLinear((byte)i);
        }

        return table;
    }

    private static float[] BuildCurve()
    {
        var table = new float[CurveSteps + 1];
        for (var i = 0; i <= CurveSteps; i++)
        {
            var t = (double)i / CurveSteps;
            table[i] = (float)(t > 216.0 / 24389.0 ? Math.Cbrt(t) : ((24389.0 / 27.0 * t) + 16) / 116);
        }

        return table;
    }
}
