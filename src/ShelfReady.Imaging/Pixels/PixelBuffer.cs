using NetVips;

namespace ShelfReady.Imaging.Pixels;

/// <summary>
/// An 8-bit, interleaved, managed copy of a NetVips image, for algorithms that walk pixels in C#.
/// libvips stays the tool for anything it has an operation for; this is the bridge for the rest.
/// </summary>
public sealed class PixelBuffer
{
    /// <summary>Creates a zeroed buffer.</summary>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="bands">Channels per pixel, 1 to 4.</param>
    public PixelBuffer(int width, int height, int bands)
        : this(width, height, bands, new byte[checked(width * height * bands)])
    {
    }

    private PixelBuffer(int width, int height, int bands, byte[] data)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bands, 4);
        if (data.Length != width * height * bands)
        {
            throw new ArgumentException("Data length does not match the dimensions.", nameof(data));
        }

        Width = width;
        Height = height;
        Bands = bands;
        Data = data;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Channels per pixel.</summary>
    public int Bands { get; }

    /// <summary>Row-major, band-interleaved samples.</summary>
#pragma warning disable CA1819 // The raw array is the point: hot loops index it directly.
    public byte[] Data { get; }
#pragma warning restore CA1819

    /// <summary>Number of pixels.</summary>
    public int PixelCount => Width * Height;

    /// <summary>Copies an image's pixels; the image is cast to 8-bit first when it is not.</summary>
    public static PixelBuffer From(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Format == Enums.BandFormat.Uchar)
        {
            return new PixelBuffer(image.Width, image.Height, image.Bands, image.WriteToMemory<byte>());
        }

        using var cast = image.Cast(Enums.BandFormat.Uchar);
        return new PixelBuffer(cast.Width, cast.Height, cast.Bands, cast.WriteToMemory<byte>());
    }

    /// <summary>Wraps existing samples without copying.</summary>
    public static PixelBuffer Wrap(byte[] data, int width, int height, int bands) => new(width, height, bands, data);

    /// <summary>Creates a NetVips image holding a copy of these pixels.</summary>
    /// <param name="interpretation">How libvips should interpret the bands; sRGB or B/W are typical.</param>
    public Image ToImage(Enums.Interpretation? interpretation = null)
    {
        var image = Image.NewFromMemoryCopy(Data, Width, Height, Bands, Enums.BandFormat.Uchar);
        var wanted = interpretation ?? (Bands >= 3 ? Enums.Interpretation.Srgb : Enums.Interpretation.Bw);
        if (image.Interpretation == wanted)
        {
            return image;
        }

        using (image)
        {
            return image.Copy(interpretation: wanted);
        }
    }

    /// <summary>Copies a rectangle of these pixels into a new buffer.</summary>
    /// <param name="left">Left column of the rectangle.</param>
    /// <param name="top">Top row of the rectangle.</param>
    /// <param name="width">Width of the rectangle, at least 1.</param>
    /// <param name="height">Height of the rectangle, at least 1.</param>
    public PixelBuffer Crop(int left, int top, int width, int height)
    {
        if (left < 0 || top < 0 || width < 1 || height < 1 || left + width > Width || top + height > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "The rectangle must lie within the buffer.");
        }

        var crop = new PixelBuffer(width, height, Bands);
        for (var y = 0; y < height; y++)
        {
            Data.AsSpan(IndexOf(left, top + y), width * Bands).CopyTo(crop.Data.AsSpan(y * width * Bands));
        }

        return crop;
    }

    /// <summary>Index of the first sample of pixel (x, y).</summary>
    public int IndexOf(int x, int y) => ((y * Width) + x) * Bands;
}
