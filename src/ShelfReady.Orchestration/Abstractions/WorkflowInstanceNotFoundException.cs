namespace ShelfReady.Orchestration;

/// <summary>Thrown when a client call names a workflow instance that does not exist.</summary>
public sealed class WorkflowInstanceNotFoundException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="WorkflowInstanceNotFoundException"/> class.</summary>
    /// <param name="instanceId">The unknown instance id.</param>
    public WorkflowInstanceNotFoundException(string instanceId)
        : base($"No workflow instance with id '{instanceId}' exists.")
    {
        InstanceId = instanceId;
    }

    /// <summary>Gets the unknown instance id.</summary>
    public string InstanceId { get; }
}
