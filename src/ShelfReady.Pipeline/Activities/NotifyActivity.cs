using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Writes the job's outcome record and returns the webhook message that tells the merchant; the workflow
/// delivers it on the retry schedule. Batches and the status API read the record, so it is written
/// before any delivery is tried. Where the host gives download links, each exported file's link rides in the
/// message, so the merchant can fetch it without access to the storage.
/// </summary>
public sealed class NotifyActivity(IBlobStore store, IDownloadLinks? links = null) : Activity<ImageOutcome, WebhookMessage>
{
    /// <inheritdoc />
    public override async Task<WebhookMessage> RunAsync(ActivityContext context, ImageOutcome input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await store.WriteAsync(WorkPaths.Outcome(input.Job.JobId), PipelineJson.Bytes(input), context.CancellationToken).ConfigureAwait(false);
        return WebhookEvents.ForImage(input, await LinksAsync(input, context.CancellationToken).ConfigureAwait(false));
    }

    private async Task<Dictionary<BlobPath, Uri>?> LinksAsync(ImageOutcome outcome, CancellationToken cancellationToken)
    {
        if (links is null)
        {
            return null;
        }

        var found = new Dictionary<BlobPath, Uri>();
        foreach (var file in outcome.Exports.SelectMany(e => e.Files))
        {
            found[file.Path] = await links.LinkAsync(file.Path, cancellationToken).ConfigureAwait(false);
        }

        return found;
    }
}
