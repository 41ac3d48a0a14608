namespace ShelfReady.Imaging.Encoders;

/// <summary>Output file formats.</summary>
public enum ImageFormat
{
    /// <summary>JPEG (JFIF).</summary>
    Jpeg,

    /// <summary>WebP, lossy or lossless.</summary>
    WebP,

    /// <summary>PNG.</summary>
    Png,

    /// <summary>TIFF.</summary>
    Tiff,
}
