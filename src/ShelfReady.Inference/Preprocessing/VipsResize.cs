using NetVips;

namespace ShelfReady.Inference.Preprocessing;

/// <summary>Resizing to an exact pixel size, which libvips' scale-factor API only approximates by rounding.</summary>
internal static class VipsResize
{
    /// <summary>
    /// Scales <paramref name="image"/> to exactly <paramref name="width"/> × <paramref name="height"/>, ignoring
    /// aspect ratio. Returns a new image; the caller disposes it (a copy when the size already matches).
    /// </summary>
    public static Image To(Image image, int width, int height, Enums.Kernel kernel)
    {
        if (image.Width == width && image.Height == height)
        {
            return image.Copy();
        }

        using var resized = image.Resize(width / (double)image.Width, kernel: kernel, vscale: height / (double)image.Height);
        if (resized.Width == width && resized.Height == height)
        {
            return resized.Copy();
        }

        // Rounding can leave the result a pixel short or long: pad by repeating the edge, then crop.
        using var padded = resized.Embed(0, 0, Math.Max(width, resized.Width), Math.Max(height, resized.Height), extend: Enums.Extend.Copy);
        return padded.Crop(0, 0, width, height);
    }
}
