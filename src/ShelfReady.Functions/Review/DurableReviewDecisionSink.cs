using Microsoft.DurableTask.Client;
using ShelfReady.Pipeline.Workflows;
using ShelfReady.Review.Decisions;

namespace ShelfReady.Functions.Review;

/// <summary>Hands review decisions to the image's orchestration; Durable buffers an event until the workflow awaits it.</summary>
internal sealed class DurableReviewDecisionSink(BoundDurableClient durable) : IReviewDecisionSink
{
    public async Task<bool> IsWaitingAsync(string instanceId, CancellationToken cancellationToken) =>
        await durable.Client.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is
        {
            RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended,
        };

    public Task RaiseAsync(string instanceId, ReviewDecision decision, CancellationToken cancellationToken) =>
        durable.Client.RaiseEventAsync(instanceId, WorkflowNames.ReviewDecisionEvent, decision, cancellationToken);
}
