using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Workflows;
using ShelfReady.Review.Decisions;

namespace ShelfReady.Host.Review;

/// <summary>Hands review decisions to the embedded engine, which buffers an event until the workflow awaits it.</summary>
internal sealed class EngineReviewDecisionSink(WorkflowClient workflows) : IReviewDecisionSink
{
    public async Task<bool> IsWaitingAsync(string instanceId, CancellationToken cancellationToken) =>
        await workflows.GetStatusAsync(instanceId, cancellationToken).ConfigureAwait(false) is { RuntimeStatus: WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Pending };

    public Task RaiseAsync(string instanceId, ReviewDecision decision, CancellationToken cancellationToken) =>
        workflows.RaiseEventAsync(instanceId, WorkflowNames.ReviewDecisionEvent, decision, cancellationToken);
}
