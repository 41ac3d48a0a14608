namespace ShelfReady.Pipeline.Storage;

/// <summary>
/// Deterministic blob paths of a job's intermediates and records: a re-run activity writes to the same
/// path and so replaces, never duplicates, its output.
/// </summary>
public static class WorkPaths
{
    /// <summary>The lossless sRGB working master.</summary>
    public static BlobPath Master(string jobId) => Work(jobId, "master.srpx");

    /// <summary>The matte of a cut-out attempt.</summary>
    public static BlobPath Mask(string jobId, int attempt) => Work(jobId, $"attempt-{attempt}/mask.png");

    /// <summary>The reference composite of a cut-out attempt.</summary>
    public static BlobPath Composite(string jobId, int attempt) => Work(jobId, $"attempt-{attempt}/composite.png");

    /// <summary>The composite's matte, aligned with the composite.</summary>
    public static BlobPath CompositeMask(string jobId, int attempt) => Work(jobId, $"attempt-{attempt}/composite-mask.png");

    /// <summary>The review request of a cut-out attempt.</summary>
    public static BlobPath ReviewRequest(string jobId, int attempt) => Work(jobId, $"attempt-{attempt}/review-request.json");

    /// <summary>The final outcome of a job.</summary>
    public static BlobPath Outcome(string jobId) => Work(jobId, "outcome.json");

    /// <summary>The sidecar metadata file that may accompany an upload.</summary>
    public static BlobPath Sidecar(BlobPath upload) => upload.WithSuffix(".json");

    /// <summary>Where a refused upload is kept.</summary>
    public static BlobPath Quarantined(BlobPath upload) => new(BlobContainers.Quarantine, upload.Name);

    /// <summary>The reason a refused upload was kept.</summary>
    public static BlobPath QuarantineReason(BlobPath upload) => new(BlobContainers.Quarantine, upload.Name + ".error.json");

    /// <summary>A merchant's settings file.</summary>
    public static BlobPath Settings(string merchant) => new(BlobContainers.Config, $"{merchant}/settings.json");

    /// <summary>An export file.</summary>
    public static BlobPath Export(string merchant, string batch, string platform, string fileName) =>
        new(BlobContainers.Exports, $"{merchant}/{batch}/{platform}/{fileName}");

    /// <summary>A batch's delivery package folder.</summary>
    public static BlobPath Package(string merchant, string batch, string fileName) =>
        new(BlobContainers.Exports, $"{merchant}/{batch}/{fileName}");

    private static BlobPath Work(string jobId, string name) => new(BlobContainers.Work, $"{jobId}/{name}");
}
