using NetVips;

namespace ShelfReady.Imaging.Tests.Compositing;

/// <summary>
/// A synthetic studio photo with a known product: a box or disk of one colour on a background, composited with
/// an anti-aliased matte by I = αF + (1 − α)B, and that matte. Stands in for the generator until it lands.
/// </summary>
internal sealed class StudioShot : IDisposable
{
    private StudioShot(Image rgb, Image alpha)
    {
        Rgb = rgb;
        Alpha = alpha;
    }

    public Image Rgb { get; }

    public Image Alpha { get; }

    /// <summary>A box covering columns [left, left + width) and rows [top, top + height).</summary>
    public static StudioShot Box(
        int imageWidth, int imageHeight, int left, int top, int width, int height,
        double[] product, double[] background, double softness = 2)
    {
        // SDF coordinates are pixel indices; shifting by half a pixel makes α the pixel's coverage.
        using var distance = Image.Sdf(
            imageWidth, imageHeight, Enums.SdfShape.Box,
            a: [left - 0.5, top - 0.5], b: [left + width - 0.5, top + height - 0.5]);
        return FromDistance(distance, softness, product, background);
    }

    /// <summary>A disk of a radius around a centre.</summary>
    public static StudioShot Disk(
        int imageWidth, int imageHeight, double centerX, double centerY, double radius,
        double[] product, double[] background, double softness = 2)
    {
        using var distance = Image.Sdf(
            imageWidth, imageHeight, Enums.SdfShape.Circle, r: radius, a: [centerX - 0.5, centerY - 0.5]);
        return FromDistance(distance, softness, product, background);
    }

    public void Dispose()
    {
        Rgb.Dispose();
        Alpha.Dispose();
    }

    private static StudioShot FromDistance(Image distance, double softness, double[] product, double[] background)
    {
        using var ramp = distance.Linear([-1 / softness], [0.5]);
        using var low = ramp.RelationalConst(Enums.OperationRelational.Less, [0]);
        using var floored = low.Ifthenelse(0, ramp);
        using var high = floored.RelationalConst(Enums.OperationRelational.More, [1]);
        using var coverage = high.Ifthenelse(1, floored);
        using var inverse = coverage.Linear([-1], [1]);
        using var foreground = coverage.Linear(product, [0, 0, 0]);
        using var backdrop = inverse.Linear(background, [0, 0, 0]);
        using var sum = foreground.Add(backdrop);
        using var rounded = sum.Linear([1], [0.5]);
        using var rgb = rounded.Cast(Enums.BandFormat.Uchar);
        using var alphaScaled = coverage.Linear([255], [0.5]);
        using var alpha = alphaScaled.Cast(Enums.BandFormat.Uchar);
        using var taggedRgb = rgb.Copy(interpretation: Enums.Interpretation.Srgb);
        using var taggedAlpha = alpha.Copy(interpretation: Enums.Interpretation.Bw);
        return new StudioShot(taggedRgb.CopyMemory(), taggedAlpha.CopyMemory());
    }
}
