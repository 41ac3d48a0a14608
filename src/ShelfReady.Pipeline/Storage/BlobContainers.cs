namespace ShelfReady.Pipeline.Storage;

/// <summary>The containers ShelfReady uses (see ARCHITECTURE.md, "Data between steps").</summary>
public static class BlobContainers
{
    /// <summary>Where merchants drop photos: {merchant}/{batch}/{file}.</summary>
    public const string Uploads = "uploads";

    /// <summary>Intermediates per job, at deterministic paths.</summary>
    public const string Work = "work";

    /// <summary>Platform exports: {merchant}/{batch}/{platform}/{name}.</summary>
    public const string Exports = "exports";

    /// <summary>Rejected input plus {file}.error.json saying why.</summary>
    public const string Quarantine = "quarantine";

    /// <summary>Merchant settings.</summary>
    public const string Config = "config";

    /// <summary>Every container, for stores that create them up front.</summary>
    public static IReadOnlyList<string> All { get; } = [Uploads, Work, Exports, Quarantine, Config];
}
