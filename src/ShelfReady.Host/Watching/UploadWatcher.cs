using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShelfReady.Host.Batches;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Watching;

/// <summary>
/// Watches the uploads container and starts a workflow for each new upload: ProcessImage per image,
/// ProcessBatch per manifest. A blob is started only once its size and ETag have held still across two looks
/// (a file still being copied into a folder is not yet complete), and a receipt (path + ETag, kept in the
/// work container) makes sure nothing starts twice, across restarts too. A blob whose workflow cannot be
/// started after a few tries is quarantined with the reason, and so is a file outside any batch folder.
/// While storage is unavailable a look is skipped, not counted against any upload.
/// </summary>
public sealed partial class UploadWatcher(IBlobStore store, WorkflowClient workflows, IOptions<WatcherOptions> options, ILogger<UploadWatcher> logger)
{
    private readonly Dictionary<string, string> lastSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> failedStarts = new(StringComparer.Ordinal);

    /// <summary>Looks until cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (StorageUnavailableException ex)
            {
                LookSkipped(ex.Message);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One look: starts what became complete since the last one; returns how many workflows it started.</summary>
    public async Task<int> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var started = 0;
        var listing = new List<StoredBlob>();
        await foreach (var blob in store.ListAsync(BlobContainers.Uploads, "", cancellationToken).ConfigureAwait(false))
        {
            listing.Add(blob);
        }

        var present = listing.Select(blob => blob.Path.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var blob in listing)
        {
            var key = blob.Path.Name;
            var isStable = lastSeen.TryGetValue(key, out var previous) && previous == Fingerprint(blob);
            lastSeen[key] = Fingerprint(blob);
            if (isStable && await TryStartAsync(blob, Classify(blob.Path, present), cancellationToken).ConfigureAwait(false))
            {
                started++;
            }
        }

        foreach (var gone in lastSeen.Keys.Where(k => !present.Contains(k)).ToList())
        {
            lastSeen.Remove(gone);
        }

        return started;
    }

    private async Task<bool> TryStartAsync(StoredBlob blob, UploadKind kind, CancellationToken cancellationToken)
    {
        var receipt = Receipt(blob.Path);
        if (kind == UploadKind.Ignored || await HasReceiptAsync(receipt, blob.ETag, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (kind == UploadKind.OutsideBatch)
        {
            await QuarantineAsync(blob, "OutsideBatch", "Uploads belong in a {merchant}/{batch}/ folder; this file is not in one, so it was not processed.", cancellationToken).ConfigureAwait(false);
            await store.WriteAsync(receipt, Encoding.UTF8.GetBytes(blob.ETag), cancellationToken).ConfigureAwait(false);
            return false;
        }

        try
        {
            await StartAsync(blob.Path, kind, cancellationToken).ConfigureAwait(false);
            await store.WriteAsync(receipt, Encoding.UTF8.GetBytes(blob.ETag), cancellationToken).ConfigureAwait(false);
            failedStarts.Remove(blob.Path.Name);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StorageUnavailableException)
        {
            var attempts = failedStarts[blob.Path.Name] = failedStarts.GetValueOrDefault(blob.Path.Name) + 1;
            if (attempts >= options.Value.MaxStartAttempts)
            {
                await QuarantineAsync(blob, "StartFailed", $"Its workflow could not be started after {options.Value.MaxStartAttempts} attempts: {ex.Message}", cancellationToken).ConfigureAwait(false);
                await store.WriteAsync(receipt, Encoding.UTF8.GetBytes(blob.ETag), cancellationToken).ConfigureAwait(false);
            }

            return false;
        }
    }

    private async Task StartAsync(BlobPath path, UploadKind kind, CancellationToken cancellationToken)
    {
        var segments = path.Name.Split('/');
        var (merchant, batch) = (segments[0], segments[1]);
        if (kind == UploadKind.Manifest)
        {
            var input = new ProcessBatchInput(merchant, batch, path, options.Value.BatchPollInterval, options.Value.BatchDeadline);
            await workflows.ScheduleNewWorkflowAsync(WorkflowNames.ProcessBatch, input, JobIdentity.BatchInstanceId(merchant, batch), cancellationToken).ConfigureAwait(false);
            return;
        }

        var jobId = JobIdentity.JobId(path.Name, JobIdentity.ContentHash(await store.ReadAsync(path, cancellationToken).ConfigureAwait(false)));
        await workflows.ScheduleNewWorkflowAsync(WorkflowNames.ProcessImage, new ProcessImageInput(jobId, merchant, batch, path), JobIdentity.ImageInstanceId(jobId), cancellationToken).ConfigureAwait(false);
    }

    private async Task QuarantineAsync(StoredBlob blob, string code, string reason, CancellationToken cancellationToken) =>
        await Quarantine.KeepAsync(store, blob.Path, await store.ReadAsync(blob.Path, cancellationToken).ConfigureAwait(false), code, reason, cancellationToken).ConfigureAwait(false);

    private async Task<bool> HasReceiptAsync(BlobPath receipt, string etag, CancellationToken cancellationToken) =>
        await store.GetPropertiesAsync(receipt, cancellationToken).ConfigureAwait(false) is not null
        && Encoding.UTF8.GetString(await store.ReadAsync(receipt, cancellationToken).ConfigureAwait(false)) == etag;

    // Uploads live at {merchant}/{batch}/{file}; hidden files and sidecars start nothing, and a visible file
    // anywhere else is quarantined rather than left unmentioned.
    private static UploadKind Classify(BlobPath path, IReadOnlySet<string> present)
    {
        var depth = path.Name.Count(c => c == '/');
        if (UploadNames.IsHidden(path.Name))
        {
            return UploadKind.Ignored;
        }

        if (depth < 2)
        {
            return UploadKind.OutsideBatch;
        }

        if (path.FileName == UploadRules.ManifestFileName && depth == 2)
        {
            return UploadKind.Manifest;
        }

        return UploadNames.IsUpload(path.Name, present) ? UploadKind.Image : UploadKind.Ignored;
    }

    private static BlobPath Receipt(BlobPath upload) => new(BlobContainers.Work, $"receipts/{upload.Name}.receipt");

    private static string Fingerprint(StoredBlob blob) => $"{blob.Length}:{blob.ETag}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uploads not looked at: {Reason} Trying again at the next look.")]
    private partial void LookSkipped(string reason);
}
