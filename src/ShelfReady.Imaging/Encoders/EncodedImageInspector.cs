using NetVips;
using ShelfReady.Imaging.Color;

namespace ShelfReady.Imaging.Encoders;

/// <summary>Re-opens encoded bytes with libvips and reports what they hold; reads the header only.</summary>
public static class EncodedImageInspector
{
    private const string IccField = "icc-profile-data";

    /// <summary>Inspects a file.</summary>
    /// <exception cref="NotSupportedException">The bytes are not one of <see cref="ImageFormat"/>'s formats.</exception>
    public static EncodedImageProperties Inspect(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
        string? description = null;
        if (image.Contains(IccField))
        {
            description = IccProfileInfo.Parse((byte[])image.Get(IccField)).Description;
        }

        return new EncodedImageProperties(
            FormatOf((string)image.Get("vips-loader")),
            image.Width,
            image.Height,
            image.Bands,
            BitDepthOf(image.Format),
            image.Xres * 25.4,
            description);
    }

    private static ImageFormat FormatOf(string loader) => loader switch
    {
        _ when loader.StartsWith("jpeg", StringComparison.Ordinal) => ImageFormat.Jpeg,
        _ when loader.StartsWith("webp", StringComparison.Ordinal) => ImageFormat.WebP,
        _ when loader.StartsWith("png", StringComparison.Ordinal) => ImageFormat.Png,
        _ when loader.StartsWith("tiff", StringComparison.Ordinal) => ImageFormat.Tiff,
        _ => throw new NotSupportedException($"Unexpected loader {loader}."),
    };

    private static int BitDepthOf(Enums.BandFormat format) => format switch
    {
        Enums.BandFormat.Uchar or Enums.BandFormat.Char => 8,
        Enums.BandFormat.Ushort or Enums.BandFormat.Short => 16,
        _ => 32,
    };
}
