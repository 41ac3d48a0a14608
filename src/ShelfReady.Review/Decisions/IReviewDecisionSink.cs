using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Review.Decisions;

/// <summary>
/// Hands a recorded decision to the waiting workflow: the embedded engine in the one-machine host, the
/// Durable client in the Functions app.
/// </summary>
public interface IReviewDecisionSink
{
    /// <summary>Whether the workflow still runs (a decision for a finished one is late).</summary>
    Task<bool> IsWaitingAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Raises the decision event; throws when the workflow could not be reached.</summary>
    Task RaiseAsync(string instanceId, ReviewDecision decision, CancellationToken cancellationToken);
}
