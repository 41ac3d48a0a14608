namespace ShelfReady.Host.Composition;

/// <summary>Which durable engine serve runs the workflows on.</summary>
public enum EngineKind
{
    /// <summary>The embedded engine on SQLite: one host, no services.</summary>
    Embedded,

    /// <summary>The Durable Task Framework on Azure Storage (Azurite locally): several hosts share one task hub.</summary>
    AzureStorage,
}
