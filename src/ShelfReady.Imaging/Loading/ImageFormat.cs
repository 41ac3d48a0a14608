namespace ShelfReady.Imaging.Loading;

/// <summary>Container formats recognised from a file's leading bytes.</summary>
public enum ImageFormat
{
    /// <summary>Nothing recognisable.</summary>
    Unknown,

    /// <summary>JPEG (JFIF/EXIF).</summary>
    Jpeg,

    /// <summary>PNG.</summary>
    Png,

    /// <summary>TIFF that is not a camera RAW.</summary>
    Tiff,

    /// <summary>WebP.</summary>
    WebP,

    /// <summary>HEIF with HEVC coding (iPhone HEIC).</summary>
    Heic,

    /// <summary>HEIF with AV1 coding.</summary>
    Avif,

    /// <summary>GIF, possibly animated.</summary>
    Gif,

    /// <summary>A camera RAW file (CR2, CR3, NEF, ARW, DNG, RAF, ORF, RW2…).</summary>
    CameraRaw,
}
