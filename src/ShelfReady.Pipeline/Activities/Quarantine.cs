using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Keeps a refused upload: a copy in the quarantine container and <c>{file}.error.json</c> beside it saying
/// why. The upload itself is left alone, so nothing is lost and a re-run writes the same two blobs.
/// </summary>
public static class Quarantine
{
    /// <summary>Writes the copy and its reason.</summary>
    public static async Task KeepAsync(IBlobStore store, BlobPath upload, byte[] bytes, string code, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(bytes);
        var record = new QuarantineRecord(upload.ToString(), code, reason, bytes.LongLength, JobIdentity.ContentHash(bytes));
        await store.WriteAsync(WorkPaths.Quarantined(upload), bytes, cancellationToken).ConfigureAwait(false);
        await store.WriteAsync(WorkPaths.QuarantineReason(upload), PipelineJson.Bytes(record), cancellationToken).ConfigureAwait(false);
    }
}
