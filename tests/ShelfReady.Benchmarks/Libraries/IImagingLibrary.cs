namespace ShelfReady.Benchmarks.Libraries;

/// <summary>One imaging library doing the two export jobs the comparison times, from JPEG bytes to file bytes.</summary>
internal interface IImagingLibrary
{
    /// <summary>Decode, resize to <see cref="ExportSize.LongSide"/> with Lanczos3, encode JPEG q95 4:4:4.</summary>
    byte[] ResizeToJpeg(byte[] jpeg);

    /// <summary>Decode, resize as for the JPEG, encode lossy WebP q85.</summary>
    byte[] ResizeToWebp(byte[] jpeg);
}
