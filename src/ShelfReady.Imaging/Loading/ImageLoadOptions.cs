namespace ShelfReady.Imaging.Loading;

/// <summary>Caps applied to untrusted input before and while it is decoded.</summary>
public sealed record ImageLoadOptions
{
    /// <summary>Largest accepted file, in bytes. Default 256 MiB, room for a 100 MP 16-bit TIFF.</summary>
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest accepted pixel count, checked from the header before any pixel is decoded. Default 100 MP.</summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>
    /// Smallest accepted long side in pixels. Default 1000: Amazon's zoom minimum and the smallest long side
    /// any ShelfReady platform profile accepts for a main image.
    /// </summary>
    public int MinLongSide { get; init; } = 1000;

    /// <summary>The defaults.</summary>
    public static ImageLoadOptions Default { get; } = new();

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBytes, 1, nameof(MaxBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPixels, 1, nameof(MaxPixels));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinLongSide, 1, nameof(MinLongSide));
    }
}
