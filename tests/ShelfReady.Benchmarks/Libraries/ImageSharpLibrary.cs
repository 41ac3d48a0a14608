using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ShelfReady.Benchmarks.Libraries;

/// <summary>ImageSharp 2.1: full decode to RGB24, Lanczos3 resize, then its managed encoders.</summary>
internal sealed class ImageSharpLibrary : IImagingLibrary
{
    // One core for both libraries: ImageSharp would otherwise spread row work over every processor it sees.
    private static readonly Configuration OneCore = CreateOneCoreConfiguration();

    // 4:4:4 matches ShelfReady's JpegOptions default (no chroma subsampling) and libvips' subsampling off.
    private static readonly JpegEncoder Jpeg = new() { Quality = ExportSize.JpegQuality, ColorType = JpegColorType.YCbCrRatio444 };

    private static readonly WebpEncoder Webp = new()
    {
        FileFormat = WebpFileFormatType.Lossy,
        Quality = ExportSize.WebpQuality,
        Method = WebpEncodingMethod.Level2,
    };

    public byte[] ResizeToJpeg(byte[] jpeg) => Export(jpeg, Jpeg);

    public byte[] ResizeToWebp(byte[] jpeg) => Export(jpeg, Webp);

    private static byte[] Export(byte[] jpeg, IImageEncoder encoder)
    {
        using var image = Image.Load<Rgb24>(OneCore, jpeg);
        var (width, height) = ExportSize.Fit(image.Width, image.Height);
        image.Mutate(context => context.Resize(width, height, KnownResamplers.Lanczos3));
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }

    private static Configuration CreateOneCoreConfiguration()
    {
        var configuration = Configuration.Default.Clone();
        configuration.MaxDegreeOfParallelism = 1;
        return configuration;
    }
}
