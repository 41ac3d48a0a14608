namespace ShelfReady.Pipeline.Storage;

/// <summary>A blob that was expected is not there.</summary>
public sealed class BlobNotFoundException : Exception
{
    /// <summary>Creates the exception for a path.</summary>
    public BlobNotFoundException(BlobPath path)
        : base($"Blob '{path}' does not exist.")
    {
        Path = path;
    }

    /// <summary>Creates the exception without a path.</summary>
    public BlobNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BlobNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public BlobNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The missing blob, when known.</summary>
    public BlobPath? Path { get; }
}
