using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Writes the job's outcome record, then tells the merchant. The record is written first: batches and the
/// status API read it, and a webhook that fails and is retried must not hold them up.
/// </summary>
public sealed class NotifyActivity(IBlobStore store, IWebhookSender webhooks) : Activity<NotifyInput, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(ActivityContext context, NotifyInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var outcome = input.Outcome;
        await store.WriteAsync(WorkPaths.Outcome(outcome.Job.JobId), PipelineJson.Bytes(outcome), context.CancellationToken).ConfigureAwait(false);
        return await webhooks.SendAsync(WebhookEvents.ForImage(outcome), input.Settings, context.CancellationToken).ConfigureAwait(false);
    }
}
