namespace ShelfReady.Orchestration.Execution;

/// <summary>The instance row as an episode leaves it.</summary>
internal sealed record InstanceUpdate(
    WorkflowRuntimeStatus Status,
    string? Output,
    string? CustomStatus,
    string? Failure,
    string? BufferedEvents,
    DateTime UpdatedAt);
