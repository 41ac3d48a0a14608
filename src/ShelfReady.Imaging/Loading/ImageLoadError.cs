namespace ShelfReady.Imaging.Loading;

/// <summary>Why an input could not become a working image.</summary>
public enum ImageLoadError
{
    /// <summary>The file has no bytes.</summary>
    Empty,

    /// <summary>The bytes are not an image format ShelfReady reads.</summary>
    UnsupportedFormat,

    /// <summary>A camera RAW file: recognised, deliberately not developed here.</summary>
    CameraRawUnsupported,

    /// <summary>The file claims a known format but its data is damaged or cut short.</summary>
    Corrupt,

    /// <summary>More bytes or pixels than the configured caps allow.</summary>
    TooLarge,

    /// <summary>Smaller than the minimum long side.</summary>
    TooSmall,
}
