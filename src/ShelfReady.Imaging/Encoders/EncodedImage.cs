namespace ShelfReady.Imaging.Encoders;

/// <summary>An encoded file and the properties it was written with.</summary>
/// <param name="Bytes">The file.</param>
/// <param name="Format">Its format.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="BitDepth">Bits per sample.</param>
/// <param name="Profile">Colour space and embedded profile.</param>
/// <param name="Quality">Quality factor used, for lossy formats.</param>
public sealed record EncodedImage(
#pragma warning disable CA1819 // The encoded file is handed on as-is; copying it would double the memory.
    byte[] Bytes,
#pragma warning restore CA1819
    OutputFormat Format,
    int Width,
    int Height,
    int BitDepth,
    EmbeddedProfile Profile,
    int? Quality);
