using NetVips;
using ShelfReady.Imaging.Color;
using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Analysis;

/// <summary>
/// The studio background as seen on the frame border: its tone, linear gradient, vignetting and noise. A smooth
/// L*a*b* surface (1, u, v, u², uv, v², r⁴) is fitted robustly to the border, so a product that touches the edge
/// is rejected as outliers instead of skewing the tone.
/// </summary>
/// <param name="Tone">Mean colour of the border pixels that fit the surface.</param>
/// <param name="GradientStrength">
/// ΔE76 of the surface's linear part across the frame: √(ΔE_h² + ΔE_v²), with ΔE_h the change from the left to
/// the right edge and ΔE_v from the top to the bottom edge.
/// </param>
/// <param name="GradientDirectionDegrees">
/// Direction in which L* falls, in frame-normalised coordinates: 0 = towards the right edge, 90 = towards the
/// bottom. Meaningless when <see cref="GradientStrength"/> is near 0.
/// </param>
/// <param name="VignetteStrength">L* of the surface at the centre minus its mean at the four corners, linear part excluded; positive when corners are darker.</param>
/// <param name="NoiseLevel">Sensor noise σ in 8-bit levels per channel, from pixel-to-pixel differences on the border at full resolution.</param>
public sealed record BackgroundModel(
    RgbColor Tone,
    double GradientStrength,
    double GradientDirectionDegrees,
    double VignetteStrength,
    double NoiseLevel)
{
    /// <summary>Larger pixel-to-pixel steps are edges or texture, not noise.</summary>
    private const int MaxNoiseStep = 24;

    /// <summary>The tone in CIE L*a*b*.</summary>
    public Lab ToneLab => Tone.ToLab();

    /// <summary>Estimates the background model of a photo.</summary>
    /// <param name="rgb">3-band uchar sRGB image.</param>
    /// <param name="options">Analysis settings; null takes the defaults.</param>
    public static BackgroundModel Estimate(Image rgb, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        options.Validate();
        return Estimate(rgb, AnalysisFrame.Read(rgb, null, options));
    }

    /// <summary>Estimates from a frame already read; <paramref name="rgb"/> is the full-resolution source for noise.</summary>
    internal static BackgroundModel Estimate(Image rgb, AnalysisFrame frame)
    {
        var border = frame.BorderPixels;
        var surface = frame.Surface;

        var horizontal = LinearChange(surface, axis: 1);
        var vertical = LinearChange(surface, axis: 2);
        var (slopeU, slopeV) = surface.Slope(0);
        var direction = Math.Atan2(-slopeV, -slopeU) * 180 / Math.PI;
        return new BackgroundModel(
            BorderTone(frame, surface, border),
            Math.Sqrt((horizontal * horizontal) + (vertical * vertical)),
            direction < 0 ? direction + 360 : direction,
            Vignette(surface),
            MeasureNoise(rgb, frame.Options));
    }

    /// <summary>ΔE76 of the linear term of one axis (1 = u, 2 = v) from one edge of the frame to the other.</summary>
    private static double LinearChange(BackgroundSurface surface, int axis)
    {
        var sum = 0.0;
        for (var channel = 0; channel < 3; channel++)
        {
            var (u, v) = surface.Slope(channel);
            var change = 2 * (axis == 1 ? u : v);
            sum += change * change;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>The linear and uv terms cancel over the four corners, leaving the radial falloff.</summary>
    private static double Vignette(BackgroundSurface surface)
    {
        double[] corners = [surface.Evaluate(0, -1, -1), surface.Evaluate(0, 1, -1), surface.Evaluate(0, -1, 1), surface.Evaluate(0, 1, 1)];
        return surface.Evaluate(0, 0, 0) - corners.Average();
    }

    private static RgbColor BorderTone(AnalysisFrame frame, BackgroundSurface surface, int border)
    {
        double r = 0, g = 0, b = 0;
        var count = 0;
        var limit = Math.Max(1.5, 3 * surface.ResidualSigma);
        var data = frame.Rgb.Data;
        for (var y = 0; y < frame.Height; y++)
        {
            for (var x = 0; x < frame.Width; x++)
            {
                var onBorder = x < border || y < border || x >= frame.Width - border || y >= frame.Height - border;
                var i = (y * frame.Width) + x;
                if (!onBorder || surface.Residual(frame.Lab, i) > limit)
                {
                    continue;
                }

                r += data[i * 3];
                g += data[(i * 3) + 1];
                b += data[(i * 3) + 2];
                count++;
            }
        }

        return count == 0 ? new RgbColor(255, 255, 255) : new RgbColor(r / count, g / count, b / count);
    }

    /// <summary>
    /// Mean absolute difference of horizontal neighbours on the top and bottom strips at full resolution. For
    /// Gaussian noise E|d| = σ·√2·√(2/π), so σ = mean|d|·√π / 2.
    /// </summary>
    private static double MeasureNoise(Image rgb, AnalysisOptions options)
    {
        var strip = Math.Max(4, options.BorderPixels(rgb.Width, rgb.Height) / 2);
        double sum = 0;
        long count = 0;
        foreach (var top in new[] { 0, rgb.Height - strip })
        {
            using var crop = rgb.Crop(0, top, rgb.Width, strip);
            var pixels = PixelBuffer.From(crop);
            var data = pixels.Data;
            for (var y = 0; y < pixels.Height; y++)
            {
                for (var p = pixels.IndexOf(1, y); p < pixels.IndexOf(0, y) + (pixels.Width * 3); p++)
                {
                    var step = Math.Abs(data[p] - data[p - 3]);
                    if (step <= MaxNoiseStep)
                    {
                        sum += step;
                        count++;
                    }
                }
            }
        }

        return count == 0 ? 0 : sum / count * Math.Sqrt(Math.PI) / 2;
    }
}
