namespace ShelfReady.Pipeline.Storage;

/// <summary>
/// The storage port: a folder on disk, Azurite or Azure Blob Storage behind one contract. Writes replace
/// whole blobs atomically, so a reader never sees half a file and a re-run activity overwrites its own output.
/// </summary>
public interface IBlobStore
{
    /// <summary>Reads a whole blob.</summary>
    /// <exception cref="BlobNotFoundException">No such blob.</exception>
    Task<byte[]> ReadAsync(BlobPath path, CancellationToken cancellationToken);

    /// <summary>Writes a whole blob, replacing any previous content atomically.</summary>
    Task<StoredBlob> WriteAsync(BlobPath path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a whole blob from a stream read to its end, for content too large to hold in memory
    /// (delivery packages); same atomic replace as <see cref="WriteAsync"/>.
    /// </summary>
    Task<StoredBlob> WriteStreamAsync(BlobPath path, Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a blob only if none exists at the path, atomically: of two concurrent callers exactly one
    /// gets true. Used to claim names.
    /// </summary>
    Task<bool> CreateIfAbsentAsync(BlobPath path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The blob's properties, or null when it does not exist.</summary>
    Task<StoredBlob?> GetPropertiesAsync(BlobPath path, CancellationToken cancellationToken);

    /// <summary>Lists blobs whose names start with the prefix, in ordinal name order.</summary>
    IAsyncEnumerable<StoredBlob> ListAsync(string container, string prefix, CancellationToken cancellationToken);

    /// <summary>Deletes a blob; returns false when there was none.</summary>
    Task<bool> DeleteAsync(BlobPath path, CancellationToken cancellationToken);
}
