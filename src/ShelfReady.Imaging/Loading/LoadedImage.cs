using NetVips;
using ShelfReady.Imaging.Metadata;

namespace ShelfReady.Imaging.Loading;

/// <summary>
/// A decoded input normalised to the working form: upright, 8-bit sRGB, three bands, with any alpha split
/// off. Owns native memory: dispose it.
/// </summary>
public sealed class LoadedImage : IDisposable
{
    internal LoadedImage(Image rgb, Image? alpha, SourceDescription source, ImageMetadata metadata, IReadOnlyList<string> notes)
    {
        Rgb = rgb;
        Alpha = alpha;
        Source = source;
        Metadata = metadata;
        Notes = notes;
    }

    /// <summary>The working image: 3 bands, uchar, sRGB, orientation applied, held in memory.</summary>
    public Image Rgb { get; }

    /// <summary>The source's own transparency as a 1-band uchar matte, when it had a non-opaque one.</summary>
    public Image? Alpha { get; }

    /// <summary>What the file was before normalisation.</summary>
    public SourceDescription Source { get; }

    /// <summary>Camera, lens, capture and descriptive metadata.</summary>
    public ImageMetadata Metadata { get; }

    /// <summary>Things a person should know about how the file was read, e.g. "first of 12 GIF frames used".</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Width of the working image.</summary>
    public int Width => Rgb.Width;

    /// <summary>Height of the working image.</summary>
    public int Height => Rgb.Height;

    /// <inheritdoc />
    public void Dispose()
    {
        Rgb.Dispose();
        Alpha?.Dispose();
    }
}
