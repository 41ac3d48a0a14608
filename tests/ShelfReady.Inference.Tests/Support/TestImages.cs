using NetVips;

namespace ShelfReady.Inference.Tests.Support;

internal static class TestImages
{
    /// <summary>A 3-band uchar image of seeded random pixels, and its bytes (row-major RGB).</summary>
    public static (Image Image, byte[] Pixels) Random(int width, int height, int seed)
    {
        var pixels = new byte[width * height * 3];
        new Random(seed).NextBytes(pixels);
        return (Image.NewFromMemoryCopy(pixels, width, height, 3, Enums.BandFormat.Uchar), pixels);
    }

    /// <summary>A uniform 3-band uchar image.</summary>
    public static Image Uniform(int width, int height, byte red, byte green, byte blue)
    {
        using var black = Image.Black(width, height, bands: 3);
        using var colour = black + new double[] { red, green, blue };
        return colour.Cast(Enums.BandFormat.Uchar);
    }
}
