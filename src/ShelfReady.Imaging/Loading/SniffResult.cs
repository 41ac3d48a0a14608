namespace ShelfReady.Imaging.Loading;

/// <summary>What the leading bytes of a file say it is.</summary>
/// <param name="Format">The container format.</param>
/// <param name="Detail">A human name for the variant, such as "Canon CR2", or the format's name.</param>
public sealed record SniffResult(ImageFormat Format, string Detail);
