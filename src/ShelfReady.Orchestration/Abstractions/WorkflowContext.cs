namespace ShelfReady.Orchestration;

/// <summary>
/// What a workflow sees of the engine that runs it. Mirrors the subset of Durable Task's
/// <c>TaskOrchestrationContext</c> that ShelfReady uses, so a Durable Functions adapter maps each member 1:1.
/// </summary>
/// <remarks>
/// Workflow code is replayed against its recorded history and must therefore be deterministic: read time through
/// <see cref="CurrentUtcDateTime"/>, create ids through <see cref="NewGuid"/>, do I/O only in activities, and never
/// leave the workflow's synchronisation context (no <c>ConfigureAwait(false)</c>, <c>Task.Run</c>, <c>Task.Delay</c> or
/// <c>CancellationTokenSource.CancelAsync</c>; cancel the loser of a <c>Task.WhenAny</c> with <c>Cancel()</c>).
/// </remarks>
public abstract class WorkflowContext
{
    /// <summary>Gets the id of the running workflow instance.</summary>
    public abstract string InstanceId { get; }

    /// <summary>Gets a value indicating whether the code is re-executing against history that is already recorded.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>Gets the current time in UTC, taken from history so that it is the same on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>Creates a name-based GUID from the instance id, the current time and a counter: the same on every replay.</summary>
    /// <returns>A deterministic GUID.</returns>
    public abstract Guid NewGuid();

    /// <summary>Reads the input the instance was started with.</summary>
    /// <typeparam name="T">The input's type.</typeparam>
    /// <returns>The deserialised input, or <see langword="default"/> when the instance was started without one.</returns>
    public abstract T? GetInput<T>();

    /// <summary>Schedules an activity and returns its deserialised result.</summary>
    /// <typeparam name="TResult">The activity's result type.</typeparam>
    /// <param name="name">The registered activity name.</param>
    /// <param name="input">The activity input, serialised to JSON.</param>
    /// <param name="options">Retry policy and other options, or <see langword="null"/> for a single attempt.</param>
    /// <returns>The activity's result.</returns>
    /// <exception cref="WorkflowTaskFailedException">The activity failed on its last permitted attempt.</exception>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityOptions? options = null);

    /// <summary>Schedules an activity whose result is not needed.</summary>
    /// <param name="name">The registered activity name.</param>
    /// <param name="input">The activity input, serialised to JSON.</param>
    /// <param name="options">Retry policy and other options, or <see langword="null"/> for a single attempt.</param>
    /// <returns>A task that completes when the activity has completed.</returns>
    /// <exception cref="WorkflowTaskFailedException">The activity failed on its last permitted attempt.</exception>
    public Task CallActivityAsync(string name, object? input = null, ActivityOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>Creates a durable timer that survives restarts.</summary>
    /// <param name="fireAtUtc">When the timer fires, in UTC.</param>
    /// <param name="cancellationToken">Cancels the wait; the workflow then stops waiting for this timer.</param>
    /// <returns>A task that completes when the timer fires, or is cancelled.</returns>
    public abstract Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken);

    /// <summary>Creates a durable timer that fires <paramref name="delay"/> after <see cref="CurrentUtcDateTime"/>.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the timer fires, or is cancelled.</returns>
    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime + delay, cancellationToken);

    /// <summary>
    /// Waits for an external event raised to this instance. An event raised before the wait starts is buffered and
    /// delivered at once; a cancelled wait consumes nothing, so a later event stays buffered for the next wait.
    /// </summary>
    /// <typeparam name="T">The event payload type.</typeparam>
    /// <param name="eventName">The event name, compared case-insensitively.</param>
    /// <param name="cancellationToken">Cancels the wait, e.g. when a timer won a <see cref="Task.WhenAny(Task[])"/>.</param>
    /// <returns>The event payload.</returns>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Starts a sub-workflow and returns its output when it completes.</summary>
    /// <typeparam name="TResult">The sub-workflow's output type.</typeparam>
    /// <param name="name">The registered workflow name.</param>
    /// <param name="input">The sub-workflow input.</param>
    /// <param name="instanceId">The child instance id, or <see langword="null"/> to derive one from this instance.</param>
    /// <returns>The sub-workflow's output.</returns>
    /// <exception cref="WorkflowTaskFailedException">The sub-workflow failed or was terminated.</exception>
    public abstract Task<TResult> CallSubWorkflowAsync<TResult>(string name, object? input = null, string? instanceId = null);

    /// <summary>Sets a JSON-serialisable status that status queries return while the instance runs.</summary>
    /// <param name="customStatus">The status, or <see langword="null"/> to clear it.</param>
    public abstract void SetCustomStatus(object? customStatus);
}
