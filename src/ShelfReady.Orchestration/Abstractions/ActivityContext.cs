namespace ShelfReady.Orchestration;

/// <summary>What an activity knows about its invocation.</summary>
/// <param name="name">The registered activity name.</param>
/// <param name="instanceId">The id of the workflow instance that scheduled the activity.</param>
/// <param name="cancellationToken">Signalled when the host shuts down; the activity then runs again after restart.</param>
/// <param name="taskId">The call's sequence number in its workflow's history, where the engine tells it.</param>
public sealed class ActivityContext(string name, string instanceId, CancellationToken cancellationToken, int? taskId = null)
{
    /// <summary>Gets the registered activity name.</summary>
    public string Name { get; } = name;

    /// <summary>Gets the id of the workflow instance that scheduled the activity.</summary>
    public string InstanceId { get; } = instanceId;

    /// <summary>Gets a token signalled when the host shuts down.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>
    /// Gets the call's sequence number in its workflow's history: two calls of one activity with the same input
    /// (a poll) differ in it, a re-run of one call after a crash does not. The embedded engine gives it; Durable
    /// Task's activity context does not, so it is <see langword="null"/> there.
    /// </summary>
    public int? TaskId { get; } = taskId;
}
