namespace ShelfReady.Imaging.Encoders;

/// <summary>What a re-opened file actually holds, for verifying an export before it is published.</summary>
/// <param name="Format">Format according to the libvips loader that opened it.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Bands">Channels.</param>
/// <param name="BitDepth">Bits per sample.</param>
/// <param name="Dpi">Horizontal resolution in dots per inch as stored (libvips reports 72 when none is).</param>
/// <param name="IccDescription">The embedded profile's description; null when no profile is embedded.</param>
public sealed record EncodedImageProperties(
    OutputFormat Format, int Width, int Height, int Bands, int BitDepth, double Dpi, string? IccDescription);
