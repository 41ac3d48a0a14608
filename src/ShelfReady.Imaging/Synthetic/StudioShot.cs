using NetVips;

namespace ShelfReady.Imaging.Synthetic;

/// <summary>A rendered studio shot with its ground truth. Owns both images; dispose it.</summary>
public sealed class StudioShot : IDisposable
{
    internal StudioShot(StudioShotSpec spec, Image photo, Image alpha, StudioShotLabels labels)
    {
        Spec = spec;
        Photo = photo;
        Alpha = alpha;
        Labels = labels;
    }

    /// <summary>The spec it was rendered from.</summary>
    public StudioShotSpec Spec { get; }

    /// <summary>The photo: 3-band uchar sRGB, memory-backed.</summary>
    public Image Photo { get; }

    /// <summary>Ground-truth alpha: 1-band uchar, 255 = product, fractional on edges and glass; shadows are 0.</summary>
    public Image Alpha { get; }

    /// <summary>Category, expected complexity, backdrop and colours.</summary>
    public StudioShotLabels Labels { get; }

    /// <summary>Encodes the photo as a baseline JPEG without metadata, as a camera or studio would deliver it.</summary>
    /// <param name="quality">JPEG quality 1–100, default 92.</param>
    public byte[] ToJpeg(int quality = 92)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        return Photo.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.None);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Photo.Dispose();
        Alpha.Dispose();
    }
}
