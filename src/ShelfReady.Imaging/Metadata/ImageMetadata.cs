namespace ShelfReady.Imaging.Metadata;

/// <summary>What the camera and the photographer wrote into the file. Every field is optional.</summary>
public sealed record ImageMetadata
{
    /// <summary>No metadata at all.</summary>
    public static ImageMetadata Empty { get; } = new();

    /// <summary>Camera maker, e.g. "Canon".</summary>
    public string? CameraMake { get; init; }

    /// <summary>Camera model, e.g. "Canon EOS R5".</summary>
    public string? CameraModel { get; init; }

    /// <summary>Lens model.</summary>
    public string? LensModel { get; init; }

    /// <summary>When the shutter fired, as the camera's clock said (EXIF DateTimeOriginal, no zone).</summary>
    public DateTime? CaptureTime { get; init; }

    /// <summary>White balance as recorded, e.g. "Manual white balance".</summary>
    public string? WhiteBalance { get; init; }

    /// <summary>ISO sensitivity.</summary>
    public int? Iso { get; init; }

    /// <summary>Keywords from IPTC or XMP.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Caption or image description.</summary>
    public string? Description { get; init; }

    /// <summary>The embedded ICC profile's description, e.g. "Adobe RGB (1998)"; set by the loader from the profile itself.</summary>
    public string? IccProfileDescription { get; init; }

    /// <summary>The EXIF orientation tag, 1–8, when present.</summary>
    public int? Orientation { get; init; }
}
