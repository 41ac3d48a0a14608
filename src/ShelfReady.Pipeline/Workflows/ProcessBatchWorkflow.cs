using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Pipeline.Workflows;

/// <summary>Starts ProcessBatch for a sealed batch.</summary>
/// <param name="Merchant">The merchant.</param>
/// <param name="Batch">The batch folder.</param>
/// <param name="Manifest">The batch's manifest.json in uploads.</param>
/// <param name="PollInterval">How often to look for finished images.</param>
/// <param name="Deadline">How long to wait for the listed images before delivering what is there.</param>
public sealed record ProcessBatchInput(string Merchant, string Batch, BlobPath Manifest, TimeSpan PollInterval, TimeSpan Deadline);

/// <summary>One image a manifest lists, and what is known of it so far.</summary>
/// <param name="File">The file name below the batch folder.</param>
/// <param name="JobId">Known once the upload exists.</param>
/// <param name="Status">Its outcome's status once it finished.</param>
public sealed record BatchItem(string File, string? JobId, ImageStatus? Status);

/// <summary>Input and output of CheckBatch: the manifest's items with whatever is newly known.</summary>
public sealed record CheckBatchInput(string Merchant, string Batch, BlobPath Manifest, IReadOnlyList<BatchItem> Items);

/// <summary>Output of CheckBatch.</summary>
/// <param name="Items">The manifest's items with whatever is newly known.</param>
/// <param name="Refused">Why the manifest was refused (and quarantined), if it was; then there are no items.</param>
public sealed record BatchCheck(IReadOnlyList<BatchItem> Items, string? Refused);

/// <summary>Input of Package.</summary>
public sealed record PackageInput(string Merchant, string Batch, IReadOnlyList<BatchItem> Items);

/// <summary>The delivery package.</summary>
/// <param name="Zip">The zip with every export, manifest.json and the CSV.</param>
/// <param name="Manifest">The delivery manifest.</param>
/// <param name="Csv">One row per export.</param>
/// <param name="Missing">Listed files that never arrived or never finished.</param>
/// <param name="Failed">Listed files that were rejected, not approved or failed.</param>
/// <param name="ZipUrl">A download link to the zip, where the host gives links.</param>
/// <param name="ManifestUrl">A download link to the manifest, where the host gives links.</param>
public sealed record PackageOutput(BlobPath Zip, BlobPath Manifest, BlobPath Csv, IReadOnlyList<string> Missing, IReadOnlyList<string> Failed, Uri? ZipUrl = null, Uri? ManifestUrl = null);

/// <summary>What a running ProcessBatch shows as its custom status.</summary>
public sealed record BatchProgress(int Listed, int Finished);

/// <summary>
/// A sealed batch: refuses a manifest it does not understand (quarantine, <c>batch.rejected</c>, the workflow
/// fails with the reason) instead of delivering it empty; otherwise waits (durable timers between looks) until every listed image has an outcome or the
/// deadline passes, then builds the delivery package and tells the merchant what is missing or failed.
/// Looking at outcomes instead of waiting for events means an image that finished before the manifest
/// arrived is counted too.
/// </summary>
public sealed class ProcessBatchWorkflow : Workflow<ProcessBatchInput, PackageOutput>
{

    /// <inheritdoc />
    public override async Task<PackageOutput> RunAsync(WorkflowContext context, ProcessBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var deadline = context.CurrentUtcDateTime + input.Deadline;
        var settings = await context.CallActivityThroughOutagesAsync<MerchantSettings>(ActivityNames.LoadSettings, input.Merchant, PipelineRetries.Io, null);
        var check = await context.CallActivityThroughOutagesAsync<BatchCheck>(
            ActivityNames.CheckBatch, new CheckBatchInput(input.Merchant, input.Batch, input.Manifest, []), PipelineRetries.Io, null);
        if (check.Refused is { } refusal)
        {
            await WebhookDelivery.DeliverAsync(context, WebhookEvents.ForRefusedBatch(input.Merchant, input.Batch, input.Manifest, refusal), settings);
            throw new BatchManifestRefusedException(input.Manifest, refusal);
        }

        var items = check.Items;
        while (items.Any(item => item.Status is null) && context.CurrentUtcDateTime < deadline)
        {
            var waiting = Show(context, items);
            await context.CreateTimer(Min(context.CurrentUtcDateTime + input.PollInterval, deadline), CancellationToken.None);
            items = (await context.CallActivityThroughOutagesAsync<BatchCheck>(
                ActivityNames.CheckBatch, new CheckBatchInput(input.Merchant, input.Batch, input.Manifest, items), PipelineRetries.Io, waiting)).Items;
        }

        var packaging = Show(context, items);
        var package = await context.CallActivityThroughOutagesAsync<PackageOutput>(ActivityNames.Package, new PackageInput(input.Merchant, input.Batch, items), PipelineRetries.Io, packaging);
        await WebhookDelivery.DeliverAsync(context, WebhookEvents.ForBatch(input.Merchant, input.Batch, package), settings);
        return package;
    }

    private static BatchProgress Show(WorkflowContext context, IReadOnlyCollection<BatchItem> items)
    {
        var progress = new BatchProgress(items.Count, items.Count(item => item.Status is not null));
        context.SetCustomStatus(progress);
        return progress;
    }

    private static DateTime Min(DateTime first, DateTime second) => first < second ? first : second;
}
