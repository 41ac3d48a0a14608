using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Pipeline.Workflows;

/// <summary>Ends a ProcessBatch whose manifest was refused, so its status says why and nothing is delivered.</summary>
public sealed class BatchManifestRefusedException : Exception
{
    /// <summary>Creates the exception for a manifest and the reason it was refused.</summary>
    public BatchManifestRefusedException(BlobPath manifest, string reason)
        : base($"Batch manifest {manifest} refused: {reason}")
    {
        Manifest = manifest;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public BatchManifestRefusedException(string message)
        : base(message)
    {
        Manifest = null;
        Reason = message;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public BatchManifestRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Manifest = null;
        Reason = message;
    }

    /// <summary>Creates the exception with no detail.</summary>
    public BatchManifestRefusedException()
        : this("Batch manifest refused.")
    {
    }

    /// <summary>The refused manifest, when known.</summary>
    public BlobPath? Manifest { get; }

    /// <summary>Why it was refused.</summary>
    public string Reason { get; }
}
