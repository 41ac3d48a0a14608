namespace ShelfReady.Orchestration;

/// <summary>
/// Thrown into workflow code when an activity exhausted its retries or a sub-workflow failed; the counterpart of
/// Durable Task's <c>TaskFailedException</c>.
/// </summary>
public sealed class WorkflowTaskFailedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="WorkflowTaskFailedException"/> class.</summary>
    /// <param name="taskName">The activity or sub-workflow name.</param>
    /// <param name="taskId">The task's position in the workflow's history.</param>
    /// <param name="failureDetails">What went wrong inside the task.</param>
    public WorkflowTaskFailedException(string taskName, int taskId, FailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed: {failureDetails?.ErrorType}: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>Gets the activity or sub-workflow name.</summary>
    public string TaskName { get; }

    /// <summary>Gets the task's position in the workflow's history.</summary>
    public int TaskId { get; }

    /// <summary>Gets what went wrong inside the task.</summary>
    public FailureDetails FailureDetails { get; }
}
