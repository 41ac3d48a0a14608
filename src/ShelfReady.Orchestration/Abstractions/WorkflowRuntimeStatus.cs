namespace ShelfReady.Orchestration;

/// <summary>Where a workflow instance is in its life.</summary>
public enum WorkflowRuntimeStatus
{
    /// <summary>Scheduled, not yet started by the engine.</summary>
    Pending = 0,

    /// <summary>Started and not finished; it may be waiting for activities, timers or events.</summary>
    Running = 1,

    /// <summary>Finished with an output.</summary>
    Completed = 2,

    /// <summary>Finished with an unhandled exception or a non-determinism error.</summary>
    Failed = 3,

    /// <summary>Stopped by a terminate request.</summary>
    Terminated = 4,
}
