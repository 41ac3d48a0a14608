using System.Runtime.CompilerServices;
using ShelfReady.Imaging.Analysis;
using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Segmentation;

/// <summary>The binary product mask on the proxy: background model, colour distance, hysteresis, clean-up.</summary>
internal static class ProxyMask
{
    /// <summary>Finds the product pixels of a proxy image shrunk by <paramref name="scale"/>.</summary>
    public static bool[] Find(PixelBuffer proxy, int scale, ClassicalSegmenterOptions options, CancellationToken cancellationToken)
    {
        var width = proxy.Width;
        var height = proxy.Height;
        var lab = LabPlanes.From(proxy);
        if (scale == 1)
        {
            // A shrunk proxy is already a block average; blurring it again would only wash out wires and laces.
            lab.BoxBlur3();
        }
        var border = Math.Max(2, (int)Math.Round(options.BorderFraction * Math.Min(width, height)));
        var surface = BackgroundSurface.Fit(lab, border);
        cancellationToken.ThrowIfCancellationRequested();

        var distance = Distance(lab, surface.Render(width, height), options);
        var high = (float)Math.Max(options.HighThreshold, options.NoiseMultiplier * surface.ResidualSigma);
        var low = (float)Math.Max(options.LowThreshold, options.NoiseMultiplier * surface.ResidualSigma * 0.5);
        var mask = MaskOps.Hysteresis(distance, width, height, high, low);
        cancellationToken.ThrowIfCancellationRequested();

        if (options.FillHoles)
        {
            MaskOps.FillHoles(mask, width, height);
        }

        MaskOps.KeepMainComponents(mask, width, height, options.MinComponentFraction, minPixels: 16);
        return mask;
    }

    /// <summary>
    /// ΔE76 to the background model, except that a darker, near-neutral pixel within the shadow lightness
    /// ratio is background (distance 0): a soft shadow darkens the sweep without tinting it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float[] Distance(LabPlanes lab, float[][] model, ClassicalSegmenterOptions options)
    {
        var distance = new float[lab.L.Length];
        var ratio = (float)options.ShadowMinLightnessRatio;
        var maxChroma = (float)options.ShadowMaxChroma;
        var shadowsAreBackground = !options.KeepShadows;
        for (var i = 0; i < distance.Length; i++)
        {
            var backgroundL = model[0][i];
            var dl = lab.L[i] - backgroundL;
            var da = lab.A[i] - model[1][i];
            var db = lab.B[i] - model[2][i];
            var chroma = MathF.Sqrt((da * da) + (db * db));
            var isShadow = shadowsAreBackground && dl < 0 && chroma <= maxChroma && lab.L[i] >= ratio * backgroundL;
            distance[i] = isShadow ? 0 : MathF.Sqrt((dl * dl) + (chroma * chroma));
        }

        return distance;
    }
}
