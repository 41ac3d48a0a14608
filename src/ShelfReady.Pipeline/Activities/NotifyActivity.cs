using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Writes the job's outcome record and returns the webhook message that tells the merchant; the workflow
/// delivers it on the retry schedule. Batches and the status API read the record, so it is written
/// before any delivery is tried.
/// </summary>
public sealed class NotifyActivity(IBlobStore store) : Activity<ImageOutcome, WebhookMessage>
{
    /// <inheritdoc />
    public override async Task<WebhookMessage> RunAsync(ActivityContext context, ImageOutcome input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await store.WriteAsync(WorkPaths.Outcome(input.Job.JobId), PipelineJson.Bytes(input), context.CancellationToken).ConfigureAwait(false);
        return WebhookEvents.ForImage(input);
    }
}
