namespace ShelfReady.Orchestration;

/// <summary>
/// Starts, signals, queries and manages workflow instances; the counterpart of Durable Task's <c>DurableTaskClient</c>.
/// </summary>
public abstract class WorkflowClient
{
    /// <summary>
    /// Schedules a new instance. Starting is idempotent by instance id: when the id exists, nothing new is scheduled
    /// and the existing instance's id is returned.
    /// </summary>
    /// <param name="workflowName">The registered workflow name.</param>
    /// <param name="input">The input, serialised to JSON.</param>
    /// <param name="instanceId">The instance id, or <see langword="null"/> for a random one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The instance id.</returns>
    public abstract Task<string> ScheduleNewWorkflowAsync(string workflowName, object? input = null, string? instanceId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Raises an external event. The event is recorded durably before this returns and is buffered by the instance
    /// until a wait for it starts. Events for finished instances are discarded, as in Durable Task.
    /// </summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="eventName">The event name.</param>
    /// <param name="payload">The event payload, serialised to JSON.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is recorded.</returns>
    /// <exception cref="WorkflowInstanceNotFoundException">No instance has that id.</exception>
    public abstract Task RaiseEventAsync(string instanceId, string eventName, object? payload = null, CancellationToken cancellationToken = default);

    /// <summary>Gets an instance's status.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, or <see langword="null"/> when no instance has that id.</returns>
    public abstract Task<WorkflowStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Lists instances, oldest first.</summary>
    /// <param name="runtimeStatus">Only instances in this status, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The instances.</returns>
    public abstract Task<IReadOnlyList<WorkflowStatus>> ListAsync(WorkflowRuntimeStatus? runtimeStatus = null, CancellationToken cancellationToken = default);

    /// <summary>Waits until an instance is completed, failed or terminated.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The final status.</returns>
    /// <exception cref="WorkflowInstanceNotFoundException">No instance has that id.</exception>
    public abstract Task<WorkflowStatus> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Terminates a running or pending instance; a finished instance is left as it is.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="reason">Why, stored as the instance output.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the request is recorded.</returns>
    /// <exception cref="WorkflowInstanceNotFoundException">No instance has that id.</exception>
    public abstract Task TerminateAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a finished instance with its history.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when an instance was purged; <see langword="false"/> when it is unknown or still running.</returns>
    public abstract Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default);
}
