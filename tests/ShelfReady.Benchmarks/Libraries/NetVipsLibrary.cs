using NetVips;

namespace ShelfReady.Benchmarks.Libraries;

/// <summary>
/// NetVips on one libvips thread. Sequential access lets libvips stream the decode through the resize and
/// encode; random access decodes the whole photo into memory first, as ShelfReady's ImageLoader does because
/// segmentation and analysis read it more than once.
/// </summary>
internal sealed class NetVipsLibrary(Enums.Access access) : IImagingLibrary
{
    public byte[] ResizeToJpeg(byte[] jpeg)
    {
        using var resized = Resized(jpeg);
        return resized.JpegsaveBuffer(q: ExportSize.JpegQuality, subsampleMode: Enums.ForeignSubsample.Off);
    }

    public byte[] ResizeToWebp(byte[] jpeg)
    {
        using var resized = Resized(jpeg);
        return resized.WebpsaveBuffer(q: ExportSize.WebpQuality, effort: ExportSize.WebpEffort);
    }

    private Image Resized(byte[] jpeg)
    {
        using var decoded = Image.JpegloadBuffer(jpeg, access: access);
        var (width, _) = ExportSize.Fit(decoded.Width, decoded.Height);
        return decoded.Resize((double)width / decoded.Width, kernel: Enums.Kernel.Lanczos3);
    }
}
