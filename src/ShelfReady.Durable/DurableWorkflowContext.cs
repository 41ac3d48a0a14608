using Microsoft.DurableTask;
using ShelfReady.Orchestration;
using DurableRetryPolicy = Microsoft.DurableTask.RetryPolicy;

namespace ShelfReady.Durable;

/// <summary>
/// The project's <see cref="WorkflowContext"/> over the Durable Task SDK's <see cref="TaskOrchestrationContext"/>,
/// so the workflows written for the embedded engine run unchanged on Durable Functions and on the Durable Task
/// Framework. Each member maps 1:1; a failed task's <see cref="TaskFailedException"/> becomes the
/// <see cref="WorkflowTaskFailedException"/> the workflows catch.
/// </summary>
public sealed class DurableWorkflowContext : WorkflowContext
{
    private readonly TaskOrchestrationContext inner;

    /// <summary>Initializes a new instance of the <see cref="DurableWorkflowContext"/> class.</summary>
    /// <param name="inner">The Durable Task orchestration context of the running instance.</param>
    public DurableWorkflowContext(TaskOrchestrationContext inner)
    {
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
    }

    /// <inheritdoc />
    public override string InstanceId => inner.InstanceId;

    /// <inheritdoc />
    public override bool IsReplaying => inner.IsReplaying;

    /// <inheritdoc />
    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    /// <inheritdoc />
    public override Guid NewGuid() => inner.NewGuid();

    /// <inheritdoc />
    public override T? GetInput<T>()
        where T : default => inner.GetInput<T>();

    /// <inheritdoc />
    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityOptions? options = null)
    {
        try
        {
            return await inner.CallActivityAsync<TResult>(name, input, ToTaskOptions(options));
        }
        catch (TaskFailedException ex)
        {
            throw Translate(ex);
        }
    }

    /// <inheritdoc />
    public override Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken) => inner.CreateTimer(fireAtUtc, cancellationToken);

    /// <inheritdoc />
    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    /// <inheritdoc />
    public override async Task<TResult> CallSubWorkflowAsync<TResult>(string name, object? input = null, string? instanceId = null)
    {
        try
        {
            var options = instanceId is null ? null : new SubOrchestrationOptions { InstanceId = instanceId };
            return await inner.CallSubOrchestratorAsync<TResult>(name, input, options);
        }
        catch (TaskFailedException ex)
        {
            throw Translate(ex);
        }
    }

    /// <inheritdoc />
    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    /// <summary>Maps the project's activity options onto Durable Task's, retry policy included.</summary>
    /// <param name="options">The project's options, or <see langword="null"/> for a single attempt.</param>
    /// <returns>The Durable Task options, or <see langword="null"/> for a single attempt.</returns>
    public static TaskOptions? ToTaskOptions(ActivityOptions? options) =>
        options?.Retry is { } retry
            ? TaskOptions.FromRetryPolicy(new DurableRetryPolicy(retry.MaxNumberOfAttempts, retry.FirstRetryInterval, retry.BackoffCoefficient, retry.MaxRetryInterval))
            : null;

    private static WorkflowTaskFailedException Translate(TaskFailedException exception) =>
        new(exception.TaskName, exception.TaskId, Translate(exception.FailureDetails));

    private static FailureDetails Translate(TaskFailureDetails details) =>
        new(details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure is null ? null : Translate(details.InnerFailure));
}
