namespace ShelfReady.Orchestration;

/// <summary>The kinds of events in a workflow instance's history.</summary>
public enum HistoryEventType
{
    /// <summary>An episode began; its timestamp is the workflow's <see cref="WorkflowContext.CurrentUtcDateTime"/>.</summary>
    EpisodeStarted = 0,

    /// <summary>The instance started.</summary>
    ExecutionStarted = 1,

    /// <summary>The workflow scheduled an activity.</summary>
    ActivityScheduled = 2,

    /// <summary>An activity returned a result.</summary>
    ActivityCompleted = 3,

    /// <summary>An activity threw.</summary>
    ActivityFailed = 4,

    /// <summary>The workflow created a durable timer.</summary>
    TimerCreated = 5,

    /// <summary>A durable timer fired.</summary>
    TimerFired = 6,

    /// <summary>An external event arrived.</summary>
    EventRaised = 7,

    /// <summary>The workflow started a sub-workflow.</summary>
    SubWorkflowScheduled = 8,

    /// <summary>A sub-workflow completed.</summary>
    SubWorkflowCompleted = 9,

    /// <summary>A sub-workflow failed or was terminated.</summary>
    SubWorkflowFailed = 10,

    /// <summary>The instance completed.</summary>
    ExecutionCompleted = 11,

    /// <summary>The instance failed.</summary>
    ExecutionFailed = 12,

    /// <summary>The instance was terminated.</summary>
    ExecutionTerminated = 13,
}
