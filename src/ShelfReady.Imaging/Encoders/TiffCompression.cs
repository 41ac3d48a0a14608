namespace ShelfReady.Imaging.Encoders;

/// <summary>Lossless TIFF compression schemes.</summary>
public enum TiffCompression
{
    /// <summary>Uncompressed.</summary>
    None,

    /// <summary>Deflate (zip) with horizontal prediction.</summary>
    Deflate,

    /// <summary>LZW with horizontal prediction.</summary>
    Lzw,
}
