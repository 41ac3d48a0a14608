using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Review.Decisions;

/// <summary>A recorded decision: what was decided, by whom, when, and whether it came after the workflow stopped waiting.</summary>
/// <param name="InstanceId">The workflow the decision is for.</param>
/// <param name="JobId">The job.</param>
/// <param name="Attempt">The attempt decided on.</param>
/// <param name="Decision">The decision as sent to the workflow.</param>
/// <param name="DecidedAt">When it was recorded.</param>
/// <param name="Late">True when the workflow had already finished (e.g. timed out): kept and shown, but it changes nothing.</param>
public sealed record ReviewDecisionRecord(string InstanceId, string JobId, int Attempt, ReviewDecision Decision, DateTimeOffset DecidedAt, bool Late);
