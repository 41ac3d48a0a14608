namespace ShelfReady.Pipeline.Storage;

/// <summary>
/// The store cannot be used right now — a full or read-only disk, an unreachable or failing storage account —
/// as opposed to a missing blob or a bad request. Workflows wait such outages out on durable timers instead of
/// failing the image; nothing partial is published, because every store publishes whole blobs only.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception for a store and the fault that made it unusable.</summary>
    public StorageUnavailableException(string store, Exception innerException)
        : base($"Storage is unavailable ({store}): {innerException?.Message}", innerException)
    {
        Store = store;
    }

    /// <summary>Creates the exception without details.</summary>
    public StorageUnavailableException()
    {
        Store = "";
    }

    /// <summary>Creates the exception with a message.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
        Store = "";
    }

    /// <summary>The store that failed, as a person recognises it (a folder, an account endpoint).</summary>
    public string Store { get; }
}
