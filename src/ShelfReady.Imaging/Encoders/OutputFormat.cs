using System.Text.Json.Serialization;

namespace ShelfReady.Imaging.Encoders;

/// <summary>Output file formats.</summary>
public enum OutputFormat
{
    /// <summary>JPEG (JFIF).</summary>
    Jpeg,

    /// <summary>WebP, lossy or lossless.</summary>
    [JsonStringEnumMemberName("webp")]
    WebP,

    /// <summary>PNG.</summary>
    Png,

    /// <summary>TIFF.</summary>
    Tiff,
}
