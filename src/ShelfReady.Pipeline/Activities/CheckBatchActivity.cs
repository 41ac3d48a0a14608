using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Reads a batch's manifest the first time, then on every call resolves job ids of listed files that have
/// arrived and picks up the status of jobs whose outcome record now exists.
/// </summary>
public sealed class CheckBatchActivity(IBlobStore store) : Activity<CheckBatchInput, IReadOnlyList<BatchItem>>
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<BatchItem>> RunAsync(ActivityContext context, CheckBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var items = input.Items.Count > 0 ? input.Items : await ListedAsync(input.Manifest, context.CancellationToken).ConfigureAwait(false);
        var updated = new List<BatchItem>(items.Count);
        foreach (var item in items)
        {
            updated.Add(await RefreshAsync(input, item, context.CancellationToken).ConfigureAwait(false));
        }

        return updated;
    }

    private async Task<IReadOnlyList<BatchItem>> ListedAsync(BlobPath manifestPath, CancellationToken cancellationToken)
    {
        var manifest = PipelineJson.Read<BatchManifest>(await store.ReadAsync(manifestPath, cancellationToken).ConfigureAwait(false), manifestPath.ToString());
        return manifest.Images
            .Select(entry => entry.File)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(file => new BatchItem(file, null, null))
            .ToList();
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
