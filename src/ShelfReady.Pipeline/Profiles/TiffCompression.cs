namespace ShelfReady.Pipeline.Profiles;

/// <summary>Lossless TIFF compression choices.</summary>
public enum TiffCompression
{
    /// <summary>Uncompressed: fastest to write, largest.</summary>
    None,

    /// <summary>LZW.</summary>
    Lzw,

    /// <summary>Deflate (zip): smallest, slowest.</summary>
    Deflate,
}
