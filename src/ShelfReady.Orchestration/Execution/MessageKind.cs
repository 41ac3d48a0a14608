namespace ShelfReady.Orchestration.Execution;

/// <summary>What a message to a workflow instance carries; the values are stored in the inbox table.</summary>
internal enum MessageKind
{
    ExecutionStarted = 1,
    ActivityCompleted = 2,
    ActivityFailed = 3,
    TimerFired = 4,
    EventRaised = 5,
    SubWorkflowCompleted = 6,
    SubWorkflowFailed = 7,
    Terminate = 8,
}
