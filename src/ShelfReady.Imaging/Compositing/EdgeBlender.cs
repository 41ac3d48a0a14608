using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Compositing;

/// <summary>
/// Blends the soft-matte band onto white. Only pixels with 0 &lt; α &lt; 255 come here (a narrow band along the
/// outline); libvips has already written the opaque and background pixels. With decontamination the foreground
/// colour is recovered from I = αF + (1 − α)B as F = (I − (1 − α)B) / α, B the modelled old background, so the
/// old background does not show as a grey or tinted fringe on the new white.
/// </summary>
internal static class EdgeBlender
{
    public static void Blend(
        PixelBuffer source, PixelBuffer matte, PixelBuffer output, byte[] lookup, BackgroundModel? background)
    {
        var alpha = matte.Data.AsSpan();
        var offset = 0;
        Span<float> b = stackalloc float[3];
        while (offset < alpha.Length)
        {
            var found = alpha[offset..].IndexOfAnyInRange((byte)1, (byte)254);
            if (found < 0)
            {
                return;
            }

            var index = offset + found;
            background?.Sample(index % matte.Width, index / matte.Width, b);
            BlendPixel(source.Data, output.Data, index * 3, alpha[index] / 255f, lookup, background is null ? [] : b);
            offset = index + 1;
        }
    }

    private static void BlendPixel(byte[] source, byte[] output, int p, float a, byte[] lookup, Span<float> background)
    {
        for (var c = 0; c < 3; c++)
        {
            float foreground = source[p + c];
            if (background.Length > 0)
            {
                foreground = Math.Clamp((foreground - ((1 - a) * background[c])) / a, 0f, 255f);
            }

            var balanced = lookup[((int)MathF.Round(foreground) * 3) + c];
            output[p + c] = (byte)MathF.Round((a * balanced) + ((1 - a) * 255f));
        }
    }
}
