namespace ShelfReady.Benchmarks.Libraries;

/// <summary>The settings both libraries are given, so the two sides of the comparison do the same work.</summary>
internal static class ExportSize
{
    /// <summary>The long side of a platform export, as the studio path's 2000 px JPEG.</summary>
    public const int LongSide = 2000;

    /// <summary>ShelfReady's JPEG export quality.</summary>
    public const int JpegQuality = 95;

    /// <summary>ShelfReady's WebP export quality.</summary>
    public const int WebpQuality = 85;

    /// <summary>libvips WebP effort; ImageSharp's encoding method is set to the same level.</summary>
    public const int WebpEffort = 2;

    /// <summary>The width and height that fit the long side, keeping the aspect ratio.</summary>
    public static (int Width, int Height) Fit(int width, int height)
    {
        var scale = (double)LongSide / Math.Max(width, height);
        return ((int)Math.Round(width * scale), (int)Math.Round(height * scale));
    }
}
