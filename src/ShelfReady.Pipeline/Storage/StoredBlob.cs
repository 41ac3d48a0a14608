namespace ShelfReady.Pipeline.Storage;

/// <summary>What a store says about a blob without reading it.</summary>
/// <param name="Path">The blob.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="ETag">Changes whenever the content changes; receipts key on it.</param>
/// <param name="LastModified">When it was last written.</param>
public sealed record StoredBlob(BlobPath Path, long Length, string ETag, DateTimeOffset LastModified);
