namespace ShelfReady.Orchestration;

/// <summary>What an activity knows about its invocation.</summary>
/// <param name="name">The registered activity name.</param>
/// <param name="instanceId">The id of the workflow instance that scheduled the activity.</param>
/// <param name="cancellationToken">Signalled when the host shuts down; the activity then runs again after restart.</param>
public sealed class ActivityContext(string name, string instanceId, CancellationToken cancellationToken)
{
    /// <summary>Gets the registered activity name.</summary>
    public string Name { get; } = name;

    /// <summary>Gets the id of the workflow instance that scheduled the activity.</summary>
    public string InstanceId { get; } = instanceId;

    /// <summary>Gets a token signalled when the host shuts down.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;
}
