using NetVips;
using ShelfReady.Inference.Models;

namespace ShelfReady.Inference.Preprocessing;

/// <summary>Writes an image into a float tensor slot as a model card describes: size, layout, colour order, scale, mean and std.</summary>
internal static class TensorPacker
{
    /// <summary>Most floats one image occupies (every image, unless the card resizes by a limit side).</summary>
    public static int ElementsPerImage(ModelInputSpec spec) => 3 * spec.Width * spec.Height;

    /// <summary>The tensor's width and height for an image of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static (int Width, int Height) TargetSize(ModelInputSpec spec, int width, int height)
    {
        if (spec.Resize != ResizeMode.LimitSide)
        {
            return (spec.Width, spec.Height);
        }

        var ratio = Math.Min(1.0, spec.Width / (double)Math.Max(width, height));
        return (RoundTo32(width * ratio, spec.Width), RoundTo32(height * ratio, spec.Width));
    }

    /// <summary>
    /// Resizes <paramref name="rgb"/> (3-band uchar sRGB) to the card's input size: interleaved RGB bytes for
    /// <see cref="Pack"/>. The costly half of preprocessing, safe to run on many threads at once.
    /// </summary>
    public static byte[] Resize(Image rgb, ModelInputSpec spec)
    {
        EnsureRgb(rgb);
        var (width, height) = TargetSize(spec, rgb.Width, rgb.Height);
        using var resized = VipsResize.To(rgb, width, height, Enums.Kernel.Lanczos3);
        return resized.WriteToMemory<byte>();
    }

    /// <summary>
    /// Writes resized pixels from <see cref="Resize"/> normalised into <paramref name="destination"/>, which holds
    /// exactly 3 · <paramref name="width"/> · <paramref name="height"/> floats, in the card's layout and colour order.
    /// </summary>
    public static void Pack(byte[] pixels, ModelInputSpec spec, int width, int height, Span<float> destination)
    {
        if (destination.Length != 3 * width * height || pixels.Length != destination.Length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} floats and the pixels {pixels.Length} samples; a {width}×{height} input needs {3 * width * height}.", nameof(destination));
        }

        var divisor = spec.Scale == PixelScale.Unit ? 255.0 : Math.Max(Max(pixels), 1e-6);

        // Folding scale, mean and std into one multiply-add per sample: (v / d − m) / s = v · (1 / (d·s)) − m / s.
        Span<float> gain = stackalloc float[3];
        Span<float> offset = stackalloc float[3];
        Span<int> source = stackalloc int[3];
        for (var c = 0; c < 3; c++)
        {
            gain[c] = (float)(1 / (divisor * spec.Std[c]));
            offset[c] = (float)(-spec.Mean[c] / spec.Std[c]);
            source[c] = spec.ColorOrder == ColorOrder.Rgb ? c : 2 - c;
        }

        var plane = width * height;
        for (var p = 0; p < plane; p++)
        {
            var sample = p * 3;
            for (var c = 0; c < 3; c++)
            {
                var value = (pixels[sample + source[c]] * gain[c]) + offset[c];
                destination[spec.Layout == TensorLayout.Nchw ? (c * plane) + p : sample + c] = value;
            }
        }
    }

    /// <summary>Throws unless the image is the 3-band 8-bit kind the pipeline's working masters are.</summary>
    public static void EnsureRgb(Image rgb)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.Bands != 3 || rgb.Format != Enums.BandFormat.Uchar)
        {
            throw new ArgumentException($"Expected a 3-band uchar sRGB image; got {rgb.Bands} band(s) of {rgb.Format}.", nameof(rgb));
        }
    }

    // PaddleOCR rounds to the nearest multiple of 32, never below 32; the cap keeps rounding up within the buffer.
    private static int RoundTo32(double side, int limit) => Math.Clamp((int)Math.Round(side / 32) * 32, 32, limit);

    private static byte Max(byte[] pixels)
    {
        byte max = 0;
        foreach (var value in pixels)
        {
            max = Math.Max(max, value);
        }

        return max;
    }
}
