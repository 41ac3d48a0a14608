namespace ShelfReady.Pipeline.Jobs;

/// <summary>What an upload starts: a ProcessImage, a ProcessBatch, or nothing (sidecars and stray files).</summary>
public enum UploadKind
{
    /// <summary>Starts nothing: a sidecar <c>{file}.json</c>, or a blob outside <c>{merchant}/{batch}/</c>.</summary>
    Ignored,

    /// <summary>An image: starts ProcessImage.</summary>
    Image,

    /// <summary><c>{merchant}/{batch}/manifest.json</c>: seals the batch and starts ProcessBatch.</summary>
    Manifest,

    /// <summary>A visible file outside any <c>{merchant}/{batch}/</c> folder: quarantined by the host's watcher, never left unmentioned.</summary>
    OutsideBatch,
}
