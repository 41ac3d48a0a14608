namespace ShelfReady.Imaging.Encoding;

/// <summary>JPEG settings. Defaults suit a marketplace main image (q90, progressive, 4:2:0).</summary>
public sealed record JpegOptions : LossyEncoderOptions
{
    /// <inheritdoc/>
    public override ImageFormat Format => ImageFormat.Jpeg;

    /// <summary>Progressive (interlaced) scans; default true, usually smaller and loads coarse-to-fine.</summary>
    public bool Progressive { get; init; } = true;

    /// <summary>
    /// 4:2:0 chroma subsampling; default true. False keeps full chroma (4:4:4), sharper coloured edges on white
    /// at about 20–30% more bytes.
    /// </summary>
    public bool ChromaSubsampling { get; init; } = true;
}
