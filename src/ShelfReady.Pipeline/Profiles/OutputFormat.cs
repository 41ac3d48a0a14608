using System.Text.Json.Serialization;

namespace ShelfReady.Pipeline.Profiles;

/// <summary>File formats a platform output can be written in.</summary>
public enum OutputFormat
{
    /// <summary>JPEG.</summary>
    Jpeg,

    /// <summary>WebP.</summary>
    [JsonStringEnumMemberName("webp")]
    WebP,

    /// <summary>PNG.</summary>
    Png,

    /// <summary>TIFF.</summary>
    Tiff,
}
