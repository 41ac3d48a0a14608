namespace ShelfReady.Imaging.Loading;

/// <summary>The input as it was, before it became a working image.</summary>
/// <param name="Format">The sniffed container format.</param>
/// <param name="Width">Stored width, before orientation was applied.</param>
/// <param name="Height">Stored height, before orientation was applied.</param>
/// <param name="BitsPerSample">8 or 16 (or 32 for float TIFF).</param>
/// <param name="ColorSpace">How the pixels were encoded: sRGB, CMYK, grey, or the embedded profile's name.</param>
/// <param name="HadAlpha">Whether the file carried a transparency channel.</param>
/// <param name="FrameCount">Frames or pages; above 1 for an animation, of which the first is used.</param>
/// <param name="Orientation">The EXIF orientation (1–8) that was applied.</param>
/// <param name="ByteLength">Size of the file.</param>
public sealed record SourceDescription(
    ImageFormat Format,
    int Width,
    int Height,
    int BitsPerSample,
    string ColorSpace,
    bool HadAlpha,
    int FrameCount,
    int Orientation,
    long ByteLength);
