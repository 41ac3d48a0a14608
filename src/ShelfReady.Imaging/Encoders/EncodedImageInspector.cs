using NetVips;
using ShelfReady.Imaging.Color;

namespace ShelfReady.Imaging.Encoders;

/// <summary>Re-opens encoded bytes with libvips and reports what they hold; reads the header only.</summary>
public static class EncodedImageInspector
{
    private const string IccField = "icc-profile-data";

    /// <summary>Inspects a file.</summary>
    /// <exception cref="NotSupportedException">The bytes are not one of <see cref="OutputFormat"/>'s formats.</exception>
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

    private static OutputFormat FormatOf(string loader) => loader switch
    {
        _ when loader.StartsWith("jpeg", StringComparison.Ordinal) => OutputFormat.Jpeg,
        _ when loader.StartsWith("webp", StringComparison.Ordinal) => OutputFormat.WebP,
        _ when loader.StartsWith("png", StringComparison.Ordinal) => OutputFormat.Png,
        _ when loader.StartsWith("tiff", StringComparison.Ordinal) => OutputFormat.Tiff,
        _ => throw new NotSupportedException($"Unexpected loader {loader}."),
    };

    private static int BitDepthOf(Enums.BandFormat format) => format switch
    {
        Enums.BandFormat.Uchar or Enums.BandFormat.Char => 8,
        Enums.BandFormat.Ushort or Enums.BandFormat.Short => 16,
        _ => 32,
    };
}
