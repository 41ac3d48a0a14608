using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Reads a batch's manifest the first time, refusing (and quarantining) one it does not understand; then on
/// every call resolves job ids of listed files that have arrived and picks up the status of jobs whose outcome
/// record now exists.
/// </summary>
public sealed class CheckBatchActivity(IBlobStore store) : Activity<CheckBatchInput, BatchCheck>
{
    /// <summary>The quarantine code of a refused manifest.</summary>
    public const string RefusedCode = "ManifestRefused";

    /// <inheritdoc />
    public override async Task<BatchCheck> RunAsync(ActivityContext context, CheckBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var items = input.Items;
        if (items.Count == 0)
        {
            var bytes = await store.ReadAsync(input.Manifest, context.CancellationToken).ConfigureAwait(false);
            var (files, refusal) = BatchManifestValidator.Read(bytes);
            if (refusal is not null)
            {
                await Quarantine.KeepAsync(store, input.Manifest, bytes, RefusedCode, refusal, context.CancellationToken).ConfigureAwait(false);
                return new BatchCheck([], refusal);
            }

            items = files.Select(file => new BatchItem(file, null, null)).ToList();
        }

        var updated = new List<BatchItem>(items.Count);
        foreach (var item in items)
        {
            updated.Add(await RefreshAsync(input, item, context.CancellationToken).ConfigureAwait(false));
        }

        return new BatchCheck(updated, null);
    }

    private async Task<BatchItem> RefreshAsync(CheckBatchInput input, BatchItem item, CancellationToken cancellationToken)
    {
        if (item.Status is not null)
        {
            return item;
        }

        var jobId = item.JobId;
        if (jobId is null)
        {
            var upload = new BlobPath(BlobContainers.Uploads, $"{input.Merchant}/{input.Batch}/{item.File}");
            if (await store.GetPropertiesAsync(upload, cancellationToken).ConfigureAwait(false) is null)
            {
                return item;
            }

            jobId = JobIdentity.JobId(upload.Name, JobIdentity.ContentHash(await store.ReadAsync(upload, cancellationToken).ConfigureAwait(false)));
        }

        var outcomePath = WorkPaths.Outcome(jobId);
        if (await store.GetPropertiesAsync(outcomePath, cancellationToken).ConfigureAwait(false) is null)
        {
            return item with { JobId = jobId };
        }

        var outcome = PipelineJson.Read<ImageOutcome>(await store.ReadAsync(outcomePath, cancellationToken).ConfigureAwait(false), outcomePath.ToString());
        return new BatchItem(item.File, jobId, outcome.Status);
    }
}
