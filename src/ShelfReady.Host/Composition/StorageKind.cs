namespace ShelfReady.Host.Composition;

/// <summary>The storage adapters the host can run on.</summary>
public enum StorageKind
{
    /// <summary>A folder per container on the local disk.</summary>
    Folder,

    /// <summary>Azure Blob Storage or any endpoint speaking its API (Azurite).</summary>
    AzureBlob,
}
