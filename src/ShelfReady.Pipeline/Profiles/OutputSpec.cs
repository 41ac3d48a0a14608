using ShelfReady.Imaging.Encoders;

namespace ShelfReady.Pipeline.Profiles;

/// <summary>One file a platform profile writes per image.</summary>
public sealed record OutputSpec
{
    /// <summary>File format.</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Jpeg;

    /// <summary>Lossy quality 1–100 for JPEG and WebP.</summary>
    public int Quality { get; init; } = 90;

    /// <summary>WebP encoder effort 0–6: effort 4 costs about 2.7× effort 2 for about 4% smaller files.</summary>
    public int Effort { get; init; } = 2;

    /// <summary>Bits per sample, 8 or 16 (16 only for TIFF and PNG).</summary>
    public int BitDepth { get; init; } = 8;

    /// <summary>TIFF compression.</summary>
    public TiffCompression Compression { get; init; } = TiffCompression.Deflate;

    /// <summary>Colour space of the written file.</summary>
    public EmbeddedProfile ColorProfile { get; init; } = EmbeddedProfile.Srgb;

    /// <summary>Resolution written into the file, dots per inch; null leaves it unset.</summary>
    public int? Dpi { get; init; }

    /// <summary>Largest acceptable file; quality is lowered until the file fits. Null for no limit.</summary>
    public long? MaxBytes { get; init; }

    /// <summary>The file extension this output uses, without the dot.</summary>
    public string Extension => Format switch
    {
        OutputFormat.Jpeg => "jpg",
        OutputFormat.WebP => "webp",
        OutputFormat.Png => "png",
        _ => "tif",
    };
}
